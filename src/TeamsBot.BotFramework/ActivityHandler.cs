using System.Text.Json;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework;

/// <summary>
/// Dispatches a turn by activity type to virtual methods (as Microsoft.Bot.Builder.ActivityHandler). Override what the
/// bot handles; the rest does nothing (and unhandled invokes answer 501, but fileConsent/invoke: 200 once its
/// accept or decline method returns, as the SDK's TeamsActivityHandler answers it).
/// </summary>
public abstract class ActivityHandler : IBot
{
    public const string AdaptiveCardActionInvokeName = "adaptiveCard/action";
    public const string FileConsentInvokeName = "fileConsent/invoke";

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
    protected virtual Task<InvokeResponse?> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Name switch
        {
            AdaptiveCardActionInvokeName => OnAdaptiveCardActionDispatchAsync(turnContext, cancellationToken),
            FileConsentInvokeName => OnFileConsentDispatchAsync(turnContext, cancellationToken),
            _ => Task.FromResult<InvokeResponse?>(null),
        };

    private async Task<InvokeResponse?> OnAdaptiveCardActionDispatchAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var value = ValueOf<AdaptiveCardInvokeValue>(turnContext.Activity);
        if (value?.Action is null || value.Action.Type != "Action.Execute")
        {
            return new InvokeResponse(200, AdaptiveCardInvokeResponse.Error(400, "BadRequest", "Value of adaptiveCard/action is not an Action.Execute."));
        }
        var cardResponse = await OnAdaptiveCardInvokeAsync(turnContext, value, cancellationToken).ConfigureAwait(false);
        return cardResponse is null ? null : new InvokeResponse(200, cardResponse);
    }

    private async Task<InvokeResponse?> OnFileConsentDispatchAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var value = ValueOf<FileConsentCardResponse>(turnContext.Activity);
        switch (value?.Action)
        {
            case FileConsentActions.Accept when value.UploadInfo?.UploadUrl is { Length: > 0 }:
                await OnTeamsFileConsentAcceptAsync(turnContext, value, cancellationToken).ConfigureAwait(false);
                break;
            case FileConsentActions.Decline:
                await OnTeamsFileConsentDeclineAsync(turnContext, value, cancellationToken).ConfigureAwait(false);
                break;
            default:
                return new InvokeResponse(400, new Error
                {
                    Code = "BadRequest",
                    Message = "Value of fileConsent/invoke is not a FileConsentCardResponse: action must be accept (with uploadInfo.uploadUrl) or decline.",
                });
        }
        return new InvokeResponse(200);
    }

    /// <summary>The user allowed the file of a <see cref="FileConsentCard"/>: PUT it to UploadInfo.UploadUrl (never null here), then show a <see cref="FileInfoCard"/>.</summary>
    protected virtual Task OnTeamsFileConsentAcceptAsync(ITurnContext turnContext, FileConsentCardResponse fileConsentCardResponse, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The user declined the file of a <see cref="FileConsentCard"/>.</summary>
    protected virtual Task OnTeamsFileConsentDeclineAsync(ITurnContext turnContext, FileConsentCardResponse fileConsentCardResponse, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An invoke's value as <typeparamref name="T"/>; null when it is missing or not of that shape.</summary>
    private static T? ValueOf<T>(Activity activity) where T : class
    {
        try
        {
            return activity.GetValue<T>();
        }
        catch (JsonException)
        {
            return null;
        }
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
