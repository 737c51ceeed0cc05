using Microsoft.Extensions.Logging;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework;

/// <inheritdoc />
public sealed class TurnContext(Activity activity, IConnectorClient connector, IServiceProvider services, ILogger logger) : ITurnContext
{
    private int _responded;

    public Activity Activity { get; } = activity;
    public IServiceProvider Services { get; } = services;
    public ILogger Logger { get; } = logger;
    public IConnectorClient Connector { get; } = connector;
    public InvokeResponse? InvokeResponse { get; set; }
    public bool Responded => Volatile.Read(ref _responded) == 1;

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(Activity.CreateMessageActivity(text), cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (serviceUrl, conversationId) = Address();
        activity.ApplyConversationReference(Activity.GetConversationReference());
        var response = string.IsNullOrEmpty(activity.ReplyToId)
            ? await Connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken).ConfigureAwait(false)
            : await Connector.ReplyToActivityAsync(serviceUrl, conversationId, activity.ReplyToId, activity, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _responded, 1);
        return response;
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id)) throw new ArgumentException("activity.Id must be the id of the activity to update.", nameof(activity));
        var (serviceUrl, conversationId) = Address();
        var reference = Activity.GetConversationReference() with { ActivityId = null };
        activity.ApplyConversationReference(reference);
        return Connector.UpdateActivityAsync(serviceUrl, conversationId, activity.Id, activity, cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        var (serviceUrl, conversationId) = Address();
        return Connector.DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken);
    }

    private (string ServiceUrl, string ConversationId) Address() =>
        (Activity.ServiceUrl ?? throw new InvalidOperationException("The turn's activity has no serviceUrl."),
         Activity.Conversation?.Id ?? throw new InvalidOperationException("The turn's activity has no conversation id."));
}
