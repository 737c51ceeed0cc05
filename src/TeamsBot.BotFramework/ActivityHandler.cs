using System.Text.Json;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework;

/// <summary>
/// Dispatches a turn by activity type to virtual methods (as Microsoft.Bot.Builder.ActivityHandler). Override what the
/// bot handles; the rest does nothing (and unhandled invokes answer 501).
/// </summary>
public abstract class ActivityHandler : IBot
{
    public const string AdaptiveCardActionInvokeName = "adaptiveCard/action";

    public virtual Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Type switch
        {
            ActivityTypes.Message => IsCardSubmit(turnContext.Activity)
                ? OnCardSubmitAsync(turnContext, turnContext.Activity.Value!.Value, cancellationToken)
                : OnMessageActivityAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.InstallationUpdate => OnInstallationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Invoke => OnInvokeDispatchAsync(turnContext, cancellationToken),
            ActivityTypes.Event => OnEventActivityAsync(turnContext, cancellationToken),
            ActivityTypes.MessageReaction => OnMessageReactionActivityAsync(turnContext, cancellationToken),
            _ => OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken),
        };
    }

    /// <summary>A message typed by a user (mentions still in Text: see <see cref="ActivityExtensions.GetTextWithoutRecipientMention"/>).</summary>
    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// An Adaptive Card Action.Submit: a message whose value holds the inputs (as strings) and the action's data;
    /// replyToId is the card's activity id.
    /// </summary>
    protected virtual Task OnCardSubmitAsync(ITurnContext turnContext, JsonElement value, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.MembersAdded is { Count: > 0 } added) return OnMembersAddedAsync(added, turnContext, cancellationToken);
        if (activity.MembersRemoved is { Count: > 0 } removed) return OnMembersRemovedAsync(removed, turnContext, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Members joined. Unlike the SDK this is also called when only the bot was added, which is how Teams reports an
    /// install: check <see cref="ActivityExtensions.IsBotAdded"/>.
    /// </summary>
    protected virtual Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Action switch
        {
            InstallationUpdateActions.Add or InstallationUpdateActions.AddUpgrade => OnInstallationUpdateAddAsync(turnContext, cancellationToken),
            InstallationUpdateActions.Remove or InstallationUpdateActions.RemoveUpgrade => OnInstallationUpdateRemoveAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };

    /// <summary>The app was installed (action "add") or upgraded ("add-upgrade").</summary>
    protected virtual Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The app was removed ("remove") or downgraded ("remove-upgrade").</summary>
    protected virtual Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task OnInvokeDispatchAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var response = await OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (response is not null && turnContext.InvokeResponse is null) turnContext.InvokeResponse = response;
    }

    /// <summary>An invoke: the returned response becomes the HTTP answer (null and no InvokeResponse set = 501).</summary>
    protected virtual async Task<InvokeResponse?> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name != AdaptiveCardActionInvokeName) return null;

        AdaptiveCardInvokeValue? value;
        try
        {
            value = turnContext.Activity.GetValue<AdaptiveCardInvokeValue>();
        }
        catch (JsonException)
        {
            value = null;
        }
        if (value?.Action is null || value.Action.Type != "Action.Execute")
        {
            return new InvokeResponse(200, AdaptiveCardInvokeResponse.Error(400, "BadRequest", "Value of adaptiveCard/action is not an Action.Execute."));
        }
        var cardResponse = await OnAdaptiveCardInvokeAsync(turnContext, value, cancellationToken).ConfigureAwait(false);
        return cardResponse is null ? null : new InvokeResponse(200, cardResponse);
    }

    /// <summary>An Action.Execute (Universal Actions). Return a card (replaces the one shown), a message or an error; null = 501.</summary>
    protected virtual Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        Task.FromResult<AdaptiveCardInvokeResponse?>(null);

    protected virtual Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnMessageReactionActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool IsCardSubmit(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } && string.IsNullOrWhiteSpace(activity.Text);
}
