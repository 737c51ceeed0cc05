using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.Tests.Bot;

/// <summary>A turn that records what is sent and replaced instead of calling a connector.</summary>
internal sealed class FakeTurn : ITurnContext
{
    public List<Activity> Sent { get; } = [];

    /// <summary>Activities put over earlier ones (their Id is the one replaced).</summary>
    public List<Activity> Updated { get; } = [];

    public Activity Activity { get; } = new(ActivityTypes.Invoke) { Id = "invoke-1", Name = "adaptiveCard/action" };
    public IServiceProvider Services { get; } = new ServiceCollection().BuildServiceProvider();
    public ILogger Logger => NullLogger.Instance;
    public IConnectorClient Connector => throw new NotSupportedException("This turn records sends; it has no connector.");
    public InvokeResponse? InvokeResponse { get; set; }
    public bool Responded => Sent.Count > 0;

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        Sent.Add(activity);
        return Task.FromResult(new ResourceResponse($"sent-{Sent.Count}"));
    }

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(Activity.CreateMessageActivity(text), cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        Updated.Add(activity);
        return Task.FromResult(new ResourceResponse(activity.Id ?? ""));
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
