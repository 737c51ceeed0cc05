using System.Text.Json;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Conversations;
using TeamsBot.Localization;
using TeamsBot.Telemetry;

namespace TeamsBot.Bot;

/// <summary>Routes Teams activities: chat messages to the <see cref="IChatCommand"/>s, card actions to the <see cref="ICardActionHandler"/>s, installs to the registry.</summary>
public sealed class TeamsBotHandler(
    ConversationRegistry conversations,
    IEnumerable<IChatCommand> chatCommands,
    IEnumerable<ICardActionHandler> cardHandlers,
    OsloClock clock,
    CardActionTelemetry telemetry,
    ILogger<TeamsBotHandler> logger) : ActivityHandler
{
    private readonly IReadOnlyList<IChatCommand> _chatCommands = chatCommands.OrderBy(c => c.Order).ToList();
    private readonly IReadOnlyList<ICardActionHandler> _cardHandlers = cardHandlers.ToList();

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

        foreach (var command in _chatCommands)
            if (await command.TryHandleAsync(turnContext, message, cancellationToken)) return;
        await turnContext.SendActivityAsync(BotTexts.For(message.Language).NotUnderstood, cancellationToken);
    }

    protected override async Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardInvokeAsync(
        ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var action = ActionOf(activity, invokeValue.Action?.Verb, invokeValue.Action?.Data, isUniversal: true);
        var handler = _cardHandlers.FirstOrDefault(h => h.CanHandle(action.Verb));
        using var timing = telemetry.Start(handler is null ? null : action.Verb, isUniversalAction: true);
        if (handler is null)
        {
            logger.LogWarning("Card action with unknown verb {Verb} in conversation {ConversationId}", action.Verb, action.ConversationId);
            timing.Unclaimed();
            return AdaptiveCardInvokeResponse.Error(400, "UnknownVerb", BotTexts.For(action.Language).UnknownCardAction);
        }
        return timing.Executed(await handler.OnExecuteAsync(turnContext, action, cancellationToken));
    }

    protected override async Task OnCardSubmitAsync(ITurnContext turnContext, JsonElement value, CancellationToken cancellationToken)
    {
        var verb = value.TryGetProperty(CardAction.SubmitVerbKey, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var action = ActionOf(turnContext.Activity, verb, value, isUniversal: false);
        var handler = _cardHandlers.FirstOrDefault(h => h.CanHandle(action.Verb));
        using var timing = telemetry.Start(handler is null ? null : action.Verb, isUniversalAction: false);
        if (handler is null)
        {
            logger.LogWarning("Card submit with unknown verb {Verb} in conversation {ConversationId}", action.Verb, action.ConversationId);
            timing.Unclaimed();
            await turnContext.SendActivityAsync(BotTexts.For(action.Language).UnknownCardAction, cancellationToken);
            return;
        }
        await handler.OnSubmitAsync(turnContext, action, cancellationToken);
        timing.Submitted();
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
        activity.GetTenantId(),
        activity.ReplyToId,
        clock.Today,
        isUniversal);

    private static BotUser UserOf(Activity activity) =>
        new(activity.From?.Id ?? "", activity.From?.AadObjectId, activity.From?.Name);
}
