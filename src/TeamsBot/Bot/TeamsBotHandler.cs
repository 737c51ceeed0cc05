using System.Text.Json;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Conversations;
using TeamsBot.Localization;

namespace TeamsBot.Bot;

/// <summary>Routes Teams activities: chat messages to the <see cref="ChatCommands"/> in order, card actions to the <see cref="CardActionRouter"/>, installs to the registry.</summary>
public sealed class TeamsBotHandler(
    ConversationRegistry conversations,
    ChatCommands chatCommands,
    CardActionRouter cardActions,
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

        if (!await chatCommands.AnswerAsync(turnContext, message, cancellationToken))
            await turnContext.SendActivityAsync(BotTexts.For(message.Language).NotUnderstood, cancellationToken);
    }

    protected override async Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardInvokeAsync(
        ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        await cardActions.ExecuteAsync(turnContext, ActionOf(turnContext.Activity, invokeValue.Action?.Verb, invokeValue.Action?.Data, isUniversal: true), cancellationToken);

    protected override Task OnCardSubmitAsync(ITurnContext turnContext, JsonElement value, CancellationToken cancellationToken)
    {
        var verb = value.TryGetProperty(CardAction.SubmitVerbKey, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return cardActions.SubmitAsync(turnContext, ActionOf(turnContext.Activity, verb, value, isUniversal: false), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!membersAdded.Any(m => m.Id == activity.Recipient?.Id)) return;

        var record = await conversations.RegisterAsync(activity, cancellationToken);
        logger.LogInformation("Installed in {ConversationType} conversation {ConversationId} (team {TeamId})",
            record.ConversationType, record.ConversationId, record.TeamId);
        var texts = BotTexts.For(UserLanguages.FromLocale(activity.Locale));
        await turnContext.SendActivityAsync(record.ConversationType == "personal" ? texts.WelcomePersonal : texts.WelcomeTeam, cancellationToken);
    }

    protected override async Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (membersRemoved.Any(m => m.Id == activity.Recipient?.Id))
            await MarkUninstalledAsync(activity, cancellationToken);
    }

    // Teams sends installationUpdate next to the conversationUpdate that carries the welcome; it only keeps the registry right.
    protected override async Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await conversations.RegisterAsync(turnContext.Activity, cancellationToken);

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        MarkUninstalledAsync(turnContext.Activity, cancellationToken);

    private async Task MarkUninstalledAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is not { } conversationId) return;
        await conversations.MarkInactiveAsync(activity.GetTenantId(), conversationId, cancellationToken);
        logger.LogInformation("Uninstalled from conversation {ConversationId}; marked inactive", conversationId);
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
        isUniversal);

    private static BotUser UserOf(Activity activity) =>
        new(activity.From?.Id ?? "", activity.From?.AadObjectId, activity.From?.Name);
}
