using System.Text.Json;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Conversations;
using TeamsBot.Files;
using TeamsBot.Localization;
using TeamsBot.Storage;

namespace TeamsBot.Bot;

/// <summary>Routes Teams activities: chat messages to the <see cref="ChatCommands"/> in order, card actions to the <see cref="CardActionRouter"/>, file-consent answers to the <see cref="FileConsentRouter"/>, installs to the registry.</summary>
public sealed class TeamsBotHandler(
    ConversationRegistry conversations,
    ChatCommands chatCommands,
    CardActionRouter cardActions,
    FileConsentRouter fileConsents,
    OsloClock clock,
    ILogger<TeamsBotHandler> logger) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var message = new ChatMessage(
            activity.GetTextWithoutRecipientMention().Trim(),
            UserLanguages.FromLocale(activity.Locale),
            UserOf(activity),
            activity.Conversation?.Id ?? "",
            activity.Conversation?.ConversationType ?? "personal",
            activity.GetTenantId(),
            clock.Today);

        bool answered;
        try
        {
            answered = await chatCommands.AnswerAsync(turnContext, message, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e, cancellationToken))
        {
            logger.LogWarning(e, "Storage unavailable while answering a message in conversation {ConversationId}", message.ConversationId);
            await turnContext.SendActivityAsync(BotTexts.For(message.Language).StorageUnavailable, cancellationToken);
            return;
        }
        if (!answered) await turnContext.SendActivityAsync(BotTexts.For(message.Language).NotUnderstood, cancellationToken);
    }

    protected override async Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardInvokeAsync(
        ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        await cardActions.ExecuteAsync(turnContext, ActionOf(turnContext.Activity, invokeValue.Action?.Verb, invokeValue.Action?.Data, isUniversal: true), cancellationToken);

    protected override Task OnCardSubmitAsync(ITurnContext turnContext, JsonElement value, CancellationToken cancellationToken)
    {
        var verb = value.TryGetProperty(CardAction.SubmitVerbKey, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return cardActions.SubmitAsync(turnContext, ActionOf(turnContext.Activity, verb, value, isUniversal: false), cancellationToken);
    }

    protected override Task OnTeamsFileConsentAcceptAsync(ITurnContext turnContext, FileConsentCardResponse fileConsentCardResponse, CancellationToken cancellationToken) =>
        fileConsents.AcceptAsync(turnContext, fileConsentCardResponse, cancellationToken);

    protected override Task OnTeamsFileConsentDeclineAsync(ITurnContext turnContext, FileConsentCardResponse fileConsentCardResponse, CancellationToken cancellationToken) =>
        fileConsents.DeclineAsync(turnContext, fileConsentCardResponse, cancellationToken);

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!membersAdded.Any(m => m.Id == activity.Recipient?.Id)) return;

        var texts = BotTexts.For(UserLanguages.FromLocale(activity.Locale));
        var conversationType = activity.Conversation?.ConversationType ?? "personal";
        var recorded = await TryRegisterAsync(activity, cancellationToken);
        if (recorded is not null)
        {
            conversationType = recorded.ConversationType;
            logger.LogInformation("Installed in {ConversationType} conversation {ConversationId} (team {TeamId})",
                recorded.ConversationType, recorded.ConversationId, recorded.TeamId);
        }
        // The welcome needs no storage, so it is said either way; the note tells why answers may fail for now.
        var welcome = conversationType == "personal" ? texts.WelcomePersonal : texts.WelcomeTeam;
        if (string.IsNullOrEmpty(activity.Locale)) welcome = $"{BotTexts.LanguageNote}\n\n{welcome}";
        await turnContext.SendActivityAsync(recorded is null ? $"{welcome}\n\n{texts.StorageUnavailableOnInstall}" : welcome, cancellationToken);
    }

    protected override async Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (membersRemoved.Any(m => m.Id == activity.Recipient?.Id))
            await MarkUninstalledAsync(activity, cancellationToken);
    }

    // Teams sends installationUpdate next to the conversationUpdate that carries the welcome; it only keeps the registry right.
    protected override async Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await TryRegisterAsync(turnContext.Activity, cancellationToken);

    /// <summary>Null when storage could not be reached: an install is not refused for it, the next install event records it.</summary>
    private async Task<ConversationRecord?> TryRegisterAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            return await conversations.RegisterAsync(activity, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e, cancellationToken))
        {
            logger.LogWarning(e, "Storage unavailable: the install in conversation {ConversationId} is not recorded", activity.Conversation?.Id);
            return null;
        }
    }

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        MarkUninstalledAsync(turnContext.Activity, cancellationToken);

    private async Task MarkUninstalledAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is not { } conversationId) return;
        try
        {
            await conversations.MarkInactiveAsync(activity.GetTenantId(), conversationId, cancellationToken);
            logger.LogInformation("Uninstalled from conversation {ConversationId}; marked inactive", conversationId);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e, cancellationToken))
        {
            // Nobody is left to tell; a post to the conversation later fails with 403 and marks it inactive then.
            logger.LogWarning(e, "Storage unavailable: the uninstall from conversation {ConversationId} is not recorded", conversationId);
        }
    }

    private CardAction ActionOf(Activity activity, string? verb, JsonElement? data, bool isUniversal) => new(
        verb ?? "",
        data ?? JsonDocument.Parse("{}").RootElement,
        UserOf(activity),
        UserLanguages.FromLocale(activity.Locale),
        activity.Conversation?.Id ?? "",
        activity.Conversation?.ConversationType ?? "personal",
        activity.GetTenantId(),
        activity.ReplyToId,
        clock.Today,
        isUniversal,
        activity.ServiceUrl ?? "");

    private static BotUser UserOf(Activity activity) =>
        new(activity.From?.Id ?? "", activity.From?.AadObjectId, activity.From?.Name);
}
