using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Localization;
using TeamsBot.Storage;

namespace TeamsBot.Files;

/// <summary>
/// Sends the answer to a file-consent card to the handler of the kind its context names. A context naming no kind we
/// know gets a sentence and nothing else; a storage outage gets the usual sentence, nothing uploaded or sent.
/// </summary>
public sealed class FileConsentRouter(IEnumerable<IFileConsentHandler> handlers, ILogger<FileConsentRouter> logger)
{
    private readonly Dictionary<string, IFileConsentHandler> _byKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    public Task AcceptAsync(ITurnContext turn, FileConsentCardResponse response, CancellationToken ct) =>
        RouteAsync(turn, response, (handler, consent) => handler.AcceptAsync(turn, consent, ct), ct);

    public Task DeclineAsync(ITurnContext turn, FileConsentCardResponse response, CancellationToken ct) =>
        RouteAsync(turn, response, (handler, consent) => handler.DeclineAsync(turn, consent, ct), ct);

    private async Task RouteAsync(ITurnContext turn, FileConsentCardResponse response, Func<IFileConsentHandler, FileConsent, Task> handle, CancellationToken ct)
    {
        var activity = turn.Activity;
        var context = FileConsentOffer.ContextOf(response.Context);
        var consent = new FileConsent(
            context,
            response.UploadInfo,
            new BotUser(activity.From?.Id ?? "", activity.From?.AadObjectId, activity.From?.Name),
            activity.Locale is { Length: > 0 } locale ? UserLanguages.FromLocale(locale) : null,
            activity.ReplyToId);
        var language = consent.Language ?? UserLanguage.Bokmal;
        if (!context.TryGetValue(FileConsentOffer.KindKey, out var kind) || !_byKind.TryGetValue(kind, out var handler))
        {
            logger.LogWarning("File consent ({Action}) for a file of no known kind in conversation {ConversationId}", response.Action, activity.Conversation?.Id);
            await turn.SendActivityAsync(BotTexts.For(language).UnknownFile, ct);
            return;
        }
        try
        {
            await handle(handler, consent);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e, ct))
        {
            logger.LogWarning(e, "Storage unavailable during file consent for {Kind} in conversation {ConversationId}", kind, activity.Conversation?.Id);
            await turn.SendActivityAsync(BotTexts.For(language).StorageUnavailable, ct);
        }
    }
}
