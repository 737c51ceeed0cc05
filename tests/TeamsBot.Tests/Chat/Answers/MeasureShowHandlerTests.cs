using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsBot.Bot;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Cards;
using TeamsBot.Chat.Answers;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Chat.Answers;

public class MeasureShowHandlerTests
{
    private static MeasureShowHandler Handler()
    {
        var index = new MeasureIndex();
        index.Load(CardData.Plans.Values, CardData.Measures);
        return new MeasureShowHandler(index, NullLogger<MeasureShowHandler>.Instance);
    }

    private static CardAction Action(string data, UserLanguage language = UserLanguage.Bokmal, bool universal = true) => new(
        CardVerbs.ShowMeasure, JsonDocument.Parse(data).RootElement, new BotUser("29:u", null, "Kari"), language,
        "a:conversation", "tenant", "card-1", CardData.Today, universal);

    [Fact]
    public void It_claims_measure_show_only()
    {
        var handler = Handler();

        Assert.True(handler.CanHandle("measure.show"));
        Assert.False(handler.CanHandle("measure.history"));
        Assert.False(handler.CanHandle("measure.edit"));
        Assert.False(handler.CanHandle("chat.more"));
    }

    [Fact]
    public async Task Execute_posts_the_measure_card_as_a_new_message_and_leaves_the_pressed_card_alone()
    {
        var turn = new FakeTurn();

        var response = await Handler().OnExecuteAsync(turn, Action("""{"planId":"25-juni","measureId":"25-juni-22"}"""), default);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(AdaptiveCardInvokeResponseTypes.Message, response.Type);
        Assert.Equal("Tiltaket er vist i chatten.", response.Value);
        var sent = Assert.Single(turn.Sent);
        Assert.Equal(ActivityTypes.Message, sent.Type);
        Assert.Null(sent.Text);
        Assert.Equal(CardData.Measure("25-juni-22").Title, sent.Summary);
        var attachment = Assert.Single(sent.Attachments!);
        Assert.Equal(AdaptiveCard.ContentType, attachment.ContentType);
        var card = Assert.IsType<JsonElement>(attachment.Content);
        Assert.Contains("Revisjon av PLIVO-prosedyren", card.GetRawText());
        Assert.Equal("measure.edit", card.GetProperty("actions")[0].GetProperty("verb").GetString());
    }

    [Fact]
    public async Task A_measure_that_is_gone_gets_a_polite_message_in_the_users_language()
    {
        var turn = new FakeTurn();

        var nb = await Handler().OnExecuteAsync(turn, Action("""{"planId":"25-juni","measureId":"25-juni-99"}"""), default);
        var en = await Handler().OnExecuteAsync(turn, Action("""{"planId":"nope","measureId":"25-juni-01"}""", UserLanguage.English), default);

        Assert.Equal("Fant ikke tiltaket – det kan være fjernet.", nb.Value);
        Assert.Equal(AdaptiveCardInvokeResponseTypes.Message, nb.Type);
        Assert.Equal("I couldn't find that measure – it may have been removed.", en.Value);
        Assert.Empty(turn.Sent);
    }

    [Fact]
    public async Task Data_without_ids_is_a_bad_request()
    {
        var response = await Handler().OnExecuteAsync(new FakeTurn(), Action("""{"planId":"25-juni"}"""), default);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(AdaptiveCardInvokeResponseTypes.Error, response.Type);
    }

    [Fact]
    public async Task Submit_sends_the_card_or_the_not_found_text()
    {
        var turn = new FakeTurn();
        var handler = Handler();

        await handler.OnSubmitAsync(turn, Action("""{"verb":"measure.show","planId":"22-juli","measureId":"22-juli-01"}""", UserLanguage.English, universal: false), default);
        await handler.OnSubmitAsync(turn, Action("""{"verb":"measure.show","planId":"22-juli","measureId":"gone"}""", UserLanguage.English, universal: false), default);

        Assert.Equal(2, turn.Sent.Count);
        Assert.Single(turn.Sent[0].Attachments!);
        Assert.Equal("I couldn't find that measure – it may have been removed.", turn.Sent[1].Text);
    }

    [Fact]
    public void AddChatAnswers_registers_the_handler_once()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<MeasureIndex>();

        services.AddChatAnswers().AddChatAnswers();

        var handlers = services.BuildServiceProvider().GetServices<ICardActionHandler>().ToList();
        Assert.IsType<MeasureShowHandler>(Assert.Single(handlers));
    }

    [Fact]
    public void CardMessages_carry_only_the_card_and_a_summary()
    {
        var card = new AdaptiveCard { Body = [new AdaptiveTextBlock("Hei")] };

        var activity = CardMessages.From(card, "Oppsummering");

        Assert.Equal("message", activity.Type);
        Assert.Null(activity.Text);
        Assert.Equal("Oppsummering", activity.Summary);
        Assert.Equal(card.ToJson(), JsonSerializer.Serialize((JsonElement)Assert.Single(activity.Attachments!).Content!));
    }
}
