using Microsoft.Extensions.Logging;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework;

/// <summary>One turn: the inbound activity and the ways to answer in its conversation.</summary>
public interface ITurnContext
{
    /// <summary>The inbound activity.</summary>
    Activity Activity { get; }

    /// <summary>The services of this turn's own DI scope (it outlives the HTTP request for slow turns).</summary>
    IServiceProvider Services { get; }

    ILogger Logger { get; }

    IConnectorClient Connector { get; }

    /// <summary>For invoke activities: what the endpoint answers. Unset = 501 Not Implemented.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>True once something was sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>Sends into the conversation: a reply to the inbound activity when it has an id, else a new message.</summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Replaces an activity the bot sent earlier (activity.Id = the id to replace).</summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);
}
