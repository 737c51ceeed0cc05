using System.Collections.Frozen;
using System.Diagnostics;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Localization;
using TeamsBot.Storage;
using TeamsBot.Telemetry;
using static TeamsBot.Bot.CardActionResult;

namespace TeamsBot.Bot;

/// <summary>
/// Sends each card action to the handler of its verb, and writes the handler's result back once per transport:
/// Action.Execute as the invoke response, Action.Submit as messages or a PUT over the card it came from.
/// </summary>
public sealed class CardActionRouter
{
    private readonly FrozenDictionary<string, ICardActionHandler> _byVerb;
    private readonly CardActionTelemetry _telemetry;
    private readonly ILogger<CardActionRouter> _logger;

    public CardActionRouter(
        IEnumerable<CardActionRoute> routes, IEnumerable<ICardActionHandler> handlers, CardActionTelemetry telemetry, ILogger<CardActionRouter> logger)
    {
        var byType = handlers.ToDictionary(h => h.GetType());
        _byVerb = routes.ToFrozenDictionary(
            r => r.Verb,
            r => byType.GetValueOrDefault(r.Handler) ?? throw new InvalidOperationException($"No {r.Handler.Name} is registered for \"{r.Verb}\"."),
            StringComparer.Ordinal);
        _telemetry = telemetry;
        _logger = logger;
    }

    /// <summary>The verbs some handler answers.</summary>
    public IReadOnlyCollection<string> Verbs => _byVerb.Keys;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(ITurnContext turn, CardAction action, CancellationToken ct)
    {
        var handler = _byVerb.GetValueOrDefault(action.Verb);
        using var timing = _telemetry.Start(handler is null ? null : action.Verb, isUniversalAction: true);
        if (handler is null)
        {
            _logger.LogWarning("Card action with unknown verb {Verb} in conversation {ConversationId}", VerbForLog(action.Verb), action.ConversationId);
            timing.Unclaimed();
            return AdaptiveCardInvokeResponse.Error(400, "UnknownVerb", BotTexts.For(action.Language).UnknownCardAction);
        }
        return timing.Executed(await AnswerInvokeAsync(turn, await HandleAsync(handler, action, ct), ct));
    }

    public async Task SubmitAsync(ITurnContext turn, CardAction action, CancellationToken ct)
    {
        var handler = _byVerb.GetValueOrDefault(action.Verb);
        using var timing = _telemetry.Start(handler is null ? null : action.Verb, isUniversalAction: false);
        if (handler is null)
        {
            _logger.LogWarning("Card submit with unknown verb {Verb} in conversation {ConversationId}", VerbForLog(action.Verb), action.ConversationId);
            timing.Unclaimed();
            await turn.SendActivityAsync(BotTexts.For(action.Language).UnknownCardAction, ct);
            return;
        }
        await AnswerSubmitAsync(turn, action, await HandleAsync(handler, action, ct), ct);
        timing.Submitted();
    }

    /// <summary>The one place a card action meets a storage outage: the user hears that nothing was stored (a handler whose write may have gone through says so itself).</summary>
    private async Task<CardActionResult> HandleAsync(ICardActionHandler handler, CardAction action, CancellationToken ct)
    {
        try
        {
            return await handler.HandleAsync(action, ct);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e, ct))
        {
            _logger.LogWarning(e, "Storage unavailable during card action {Verb} in conversation {ConversationId}", action.Verb, action.ConversationId);
            return new Fail(BotTexts.For(action.Language).StorageUnavailable);
        }
    }

    private static async Task<AdaptiveCardInvokeResponse> AnswerInvokeAsync(ITurnContext turn, CardActionResult result, CancellationToken ct)
    {
        switch (result)
        {
            case ReplaceCard replace: return AdaptiveCardInvokeResponse.Card(replace.Card.ToJsonElement());
            case ShowCard show: return AdaptiveCardInvokeResponse.Card(show.Card.ToJsonElement());
            case PostCard post:
                await CardMessages.SendAsync(turn, post.Card, post.Summary, ct);
                return AdaptiveCardInvokeResponse.Message(post.Acknowledgement);
            case ShowMessage message: return AdaptiveCardInvokeResponse.Message(message.Text);
            case Refuse refuse: return AdaptiveCardInvokeResponse.Error(400, "BadRequest", refuse.Text);
            case Fail fail: return AdaptiveCardInvokeResponse.Error(500, "StorageUnavailable", fail.Text);
            default: throw new UnreachableException($"Unknown card action result {result.GetType().Name}.");
        }
    }

    private static Task AnswerSubmitAsync(ITurnContext turn, CardAction action, CardActionResult result, CancellationToken ct) => result switch
    {
        ReplaceCard replace => CardMessages.ReplaceOrSendAsync(turn, action.ReplyToId, replace.Card, ct),
        ShowCard show => CardMessages.SendAsync(turn, show.Card, show.Summary, ct),
        PostCard post => CardMessages.SendAsync(turn, post.Card, post.Summary, ct),
        ShowMessage message => turn.SendActivityAsync(message.Text, ct),
        Refuse refuse => turn.SendActivityAsync(refuse.Text, ct),
        Fail fail => turn.SendActivityAsync(fail.Text, ct),
        _ => throw new UnreachableException($"Unknown card action result {result.GetType().Name}."),
    };

    /// <summary>
    /// The verb comes from the client and may be anything (user text pasted into a card, a long or multi-line value):
    /// only something shaped like one of our verbs is logged as it is.
    /// </summary>
    private static string VerbForLog(string verb) =>
        verb.Length <= 64 && verb.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            ? verb
            : $"(not shaped like a verb: {verb.Length} characters)";
}
