using System.Text.Json;
using TeamsBot.Bot;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Cards;
using TeamsBot.Chat.Answers;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Tests.Bot;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Chat.Answers;

/// <summary>"measure.show" through the card-action router, on both transports.</summary>
public class MeasureShowHandlerTests
{
    private static ServiceProvider Services() => RouterHost.Services(services =>
    {
        var index = new MeasureIndex();
        index.Load(CardData.Plans.Values, CardData.Measures);
        services.AddSingleton(index).AddChatAnswers();
    });

    private static CardActionRouter Router() => Services().GetRequiredService<CardActionRouter>();

    private static CardAction Action(string data, UserLanguage language = UserLanguage.Bokmal, bool universal = true) => new(
        CardVerbs.ShowMeasure, JsonDocument.Parse(data).RootElement, new BotUser("29:u", null, "Kari"), language,
        "a:conversation", "personal", "tenant", "card-1", CardData.Today, universal, "https://service.example/");

    [Fact]
    public void It_claims_measure_show_only()
    {
        var verbs = Services().GetServices<CardActionRoute>().Where(r => r.Handler == typeof(MeasureShowHandler)).Select(r => r.Verb).ToList();

        Assert.Contains("measure.show", verbs);
        Assert.DoesNotContain("measure.history", verbs);
        Assert.DoesNotContain("measure.edit", verbs);
        Assert.DoesNotContain("chat.more", verbs);
    }

    [Fact]
    public async Task Execute_posts_the_measure_card_as_a_new_message_and_leaves_the_pressed_card_alone()
    {
        var turn = new FakeTurn();

        var response = await Router().ExecuteAsync(turn, Action("""{"planId":"25-juni","measureId":"25-juni-22"}"""), default);

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
        Assert.Empty(turn.Updated);
    }

    [Fact]
    public async Task A_measure_that_is_gone_gets_a_polite_message_in_the_users_language()
    {
        var turn = new FakeTurn();
        var router = Router();

        var nb = await router.ExecuteAsync(turn, Action("""{"planId":"25-juni","measureId":"25-juni-99"}"""), default);
        var en = await router.ExecuteAsync(turn, Action("""{"planId":"nope","measureId":"25-juni-01"}""", UserLanguage.English), default);

        Assert.Equal("Fant ikke tiltaket – det kan være fjernet.", nb.Value);
        Assert.Equal(AdaptiveCardInvokeResponseTypes.Message, nb.Type);
        Assert.Equal("I couldn't find that measure – it may have been removed.", en.Value);
        Assert.Empty(turn.Sent);
    }

    [Theory]
    [InlineData("""{"planId":"25-juni"}""")]
    [InlineData("""{"planId":"25-juni","measureId":7}""")]
    [InlineData("""{"planId":"25-juni","measureId":""}""")]
    public async Task Data_without_both_ids_is_a_bad_request(string data)
    {
        var response = await Router().ExecuteAsync(new FakeTurn(), Action(data), default);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(AdaptiveCardInvokeResponseTypes.Error, response.Type);
    }

    [Fact]
    public async Task An_id_longer_than_any_we_write_is_a_bad_request_not_a_lookup()
    {
        var response = await Router().ExecuteAsync(new FakeTurn(), Action($$"""{"planId":"25-juni","measureId":"{{new string('x', 300)}}"}"""), default);

        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task Submit_sends_the_card_or_the_not_found_text()
    {
        var turn = new FakeTurn();
        var router = Router();

        await router.SubmitAsync(turn, Action("""{"verb":"measure.show","planId":"22-juli","measureId":"22-juli-01"}""", UserLanguage.English, universal: false), default);
        await router.SubmitAsync(turn, Action("""{"verb":"measure.show","planId":"22-juli","measureId":"gone"}""", UserLanguage.English, universal: false), default);

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
}
