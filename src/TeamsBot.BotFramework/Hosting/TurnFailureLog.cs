using Microsoft.Extensions.Logging;
using TeamsBot.BotFramework.Connector;

namespace TeamsBot.BotFramework.Hosting;

/// <summary>
/// How a failed turn is logged: ids and the connector's status and code, never the activity's text. A reply the
/// connector refused is a warning (it was acted on where it can be, e.g. a blocked conversation is marked inactive);
/// anything else is an error with its exception.
/// </summary>
internal static class TurnFailureLog
{
    public static void Write(ILogger logger, Exception exception, string? activityType, string? activityId, string? conversationId)
    {
        if (exception is ConnectorException connector)
        {
            logger.LogWarning(exception,
                "Reply failed for {ActivityType} activity {ActivityId} in conversation {ConversationId}: {Operation} {StatusCode} {ErrorCode} after {Attempts} attempt(s), {Delivery}",
                activityType, activityId, conversationId, connector.Operation,
                connector.StatusCode is { } status ? (int)status : null, connector.ErrorCode, connector.Attempts,
                connector.MayHaveBeenDelivered ? "delivery unknown (not retried, so it cannot arrive twice)" : "not delivered");
            return;
        }
        logger.LogError(exception, "Turn failed for {ActivityType} activity {ActivityId} in conversation {ConversationId}", activityType, activityId, conversationId);
    }
}
