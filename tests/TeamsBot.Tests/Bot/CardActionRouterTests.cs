using System.Text.Json;
using Microsoft.Extensions.Logging;
using TeamsBot.Bot;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Testing;
using static TeamsBot.Bot.CardActionResult;

namespace TeamsBot.Tests.Bot;

/// <summary>One result per handler, written back once per transport; one handler per verb, checked while composing.</summary>
public class CardActionRouterTests
{
    private sealed class Script
    {
        public CardActionResult Next { get; set; } = new ShowMessage("ok");
    }

    private sealed class ScriptedHandler(Script script) : ICardActionHandler
    {
        public Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken) => Task.FromResult(script.Next);
    }

    private sealed class OtherHandler : ICardActionHandler
    {
        public Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static readonly AdaptiveCard Card = new() { FallbackText = "Kortet", Body = [new AdaptiveTextBlock("Kortet")] };

    private static (CardActionRouter Router, Script Script) Scripted()
    {
        var script = new Script();
        return (RouterHost.Router(s => s.AddSingleton(script).AddCardActionHandler<ScriptedHandler>("test.verb")), script);
    }

    private static CardAction Action(string verb = "test.verb", bool universal = true) => new(
        verb, JsonDocument.Parse("{}").RootElement, new BotUser("29:u", null, "Kari"), UserLanguage.Bokmal,
        "a:conversation", "personal", "tenant", "card-1", new DateOnly(2026, 11, 22), universal, "https://service.example/");

    [Fact]
    public void A_second_handler_for_a_verb_is_refused_while_the_service_is_composed_naming_both()
    {
        var services = new ServiceCollection().AddCardActionHandler<ScriptedHandler>("test.verb");

        var error = Assert.Throws<InvalidOperationException>(() => services.AddCardActionHandler<OtherHandler>("other.verb", "test.verb"));

        Assert.Contains("\"test.verb\"", error.Message);
        Assert.Contains(nameof(ScriptedHandler), error.Message);
        Assert.Contains(nameof(OtherHandler), error.Message);
    }

    [Fact]
    public void The_same_handler_for_the_same_verb_again_changes_nothing()
    {
        var services = RouterHost.Services(s => s.AddSingleton(new Script())
            .AddCardActionHandler<ScriptedHandler>("test.verb")
            .AddCardActionHandler<ScriptedHandler>("test.verb", "test.other"));

        Assert.Equal(["test.other", "test.verb"], services.GetRequiredService<CardActionRouter>().Verbs.Order(StringComparer.Ordinal));
        Assert.Single(services.GetServices<ICardActionHandler>());
    }

    [Fact]
    public async Task An_execute_gets_a_card_in_place_a_message_or_an_error_from_the_handlers_result()
    {
        var (router, script) = Scripted();
        var turn = new FakeTurn();

        async Task<AdaptiveCardInvokeResponse> Execute(CardActionResult result)
        {
            script.Next = result;
            return await router.ExecuteAsync(turn, Action(), default);
        }

        var replaced = await Execute(new ReplaceCard(Card));
        var shown = await Execute(new ShowCard(Card, "Sammendrag"));
        var message = await Execute(new ShowMessage("Lagret."));
        var refused = await Execute(new Refuse("Skjemaet er skadet."));
        var failed = await Execute(new Fail("Prøv igjen."));
        Assert.Empty(turn.Sent);
        var posted = await Execute(new PostCard(Card, "Tiltaket", "Vist i chatten."));

        Assert.Equal((200, AdaptiveCardInvokeResponseTypes.Card), (replaced.StatusCode, replaced.Type));
        Assert.Equal(Card.ToJson(), ((JsonElement)replaced.Value!).GetRawText());
        Assert.Equal((200, AdaptiveCardInvokeResponseTypes.Card), (shown.StatusCode, shown.Type));
        Assert.Equal((200, AdaptiveCardInvokeResponseTypes.Message, "Lagret."), (message.StatusCode, message.Type, message.Value));
        Assert.Equal((400, "BadRequest", "Skjemaet er skadet."), (refused.StatusCode, ((Error)refused.Value!).Code, ((Error)refused.Value!).Message));
        Assert.Equal((500, "StorageUnavailable", "Prøv igjen."), (failed.StatusCode, ((Error)failed.Value!).Code, ((Error)failed.Value!).Message));
        Assert.Equal((200, AdaptiveCardInvokeResponseTypes.Message, "Vist i chatten."), (posted.StatusCode, posted.Type, posted.Value));
        var sent = Assert.Single(turn.Sent);
        Assert.Equal("Tiltaket", sent.Summary);
        Assert.Empty(turn.Updated);
    }

    [Fact]
    public async Task A_submit_gets_a_put_over_its_card_a_new_card_message_or_a_sentence_from_the_handlers_result()
    {
        var (router, script) = Scripted();
        var turn = new FakeTurn();

        async Task Submit(CardActionResult result)
        {
            script.Next = result;
            await router.SubmitAsync(turn, Action(universal: false), default);
        }

        await Submit(new ReplaceCard(Card));
        Assert.Equal("card-1", Assert.Single(turn.Updated).Id);
        Assert.Empty(turn.Sent);

        await Submit(new ShowCard(Card, "Sammendrag"));
        await Submit(new PostCard(Card, "Tiltaket", "Vist i chatten."));
        await Submit(new ShowMessage("Lagret."));
        await Submit(new Refuse("Skjemaet er skadet."));
        await Submit(new Fail("Prøv igjen."));

        Assert.Single(turn.Updated);
        Assert.Equal(["Sammendrag", "Tiltaket"], turn.Sent.Take(2).Select(a => a.Summary));
        Assert.All(turn.Sent.Take(2), a => Assert.Equal(AdaptiveCard.ContentType, Assert.Single(a.Attachments!).ContentType));
        Assert.Equal(["Lagret.", "Skjemaet er skadet.", "Prøv igjen."], turn.Sent.Skip(2).Select(a => a.Text));
    }

    [Fact]
    public async Task A_verb_no_handler_answers_is_refused_on_either_path_and_nothing_else_runs()
    {
        var (router, _) = Scripted();
        var turn = new FakeTurn();

        var response = await router.ExecuteAsync(turn, Action("measure.delete"), default);
        await router.SubmitAsync(turn, Action("measure.delete", universal: false), default);

        Assert.Equal((400, "UnknownVerb"), (response.StatusCode, ((Error)response.Value!).Code));
        Assert.Equal(BotTexts.Bokmal.UnknownCardAction, ((Error)response.Value!).Message);
        Assert.Equal(BotTexts.Bokmal.UnknownCardAction, Assert.Single(turn.Sent).Text);
    }

    [Fact]
    public async Task An_unknown_verb_that_is_not_shaped_like_a_verb_is_logged_by_its_length_not_by_its_text()
    {
        var logs = new CapturingLoggerProvider();
        var router = RouterHost.Router(s => s.AddLogging(b => b.AddProvider(logs)));
        var pasted = "Kari Nordmann har ringt\nom tiltak 12 " + new string('x', 300);

        await router.ExecuteAsync(new FakeTurn(), Action(pasted), default);
        await router.ExecuteAsync(new FakeTurn(), Action("measure.delete"), default);

        var warnings = logs.Entries.Where(e => e.Category == typeof(CardActionRouter).FullName).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.DoesNotContain("Kari", warnings[0]);
        Assert.Contains($"{pasted.Length} characters", warnings[0]);
        Assert.Contains("measure.delete", warnings[1]);
    }
}
