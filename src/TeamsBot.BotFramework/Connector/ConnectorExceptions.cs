using System.Net;

namespace TeamsBot.BotFramework.Connector;

/// <summary>A connector call failed. The message holds the operation, status and error code, never a token or body text.</summary>
public class ConnectorException : Exception
{
    public ConnectorException(string operation, HttpStatusCode? statusCode, string? errorCode, int attempts, Exception? inner = null,
        bool mayHaveBeenDelivered = false)
        : base($"Connector {operation} failed{(statusCode is null ? "" : $" with {(int)statusCode.Value} {statusCode.Value}")}" +
               $"{(errorCode is null ? "" : $" ({errorCode})")} after {attempts} attempt(s)" +
               (mayHaveBeenDelivered ? "; the connector may have taken it, so it was not sent again" : ""), inner)
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Attempts = attempts;
        MayHaveBeenDelivered = mayHaveBeenDelivered;
    }

    public string Operation { get; }

    /// <summary>Null when no response arrived (timeout, connection failure).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>error.code (or Teams' subCode) of the connector's error body, e.g. MessageSizeTooBig.</summary>
    public string? ErrorCode { get; }

    public int Attempts { get; }

    /// <summary>
    /// True when the last attempt's outcome is unknown (500/502/504, a timeout or a broken connection after the request
    /// went out) on an operation that would post a second message if repeated: it was not retried.
    /// </summary>
    public bool MayHaveBeenDelivered { get; }
}

/// <summary>
/// 403 MessageWritesBlocked or ConversationBlockedByUser: the bot was blocked or removed; mark the conversation
/// inactive, do not retry (<see cref="IConversationBlockedListener"/> is told before this is thrown).
/// </summary>
public sealed class ConversationBlockedException(string operation, string? conversationId, string errorCode = ConversationBlockedException.BlockedErrorCode)
    : ConnectorException(operation, HttpStatusCode.Forbidden, errorCode, 1)
{
    public const string BlockedErrorCode = "MessageWritesBlocked";
    public const string BlockedByUserErrorCode = "ConversationBlockedByUser";

    public string? ConversationId { get; } = conversationId;

    internal static bool IsBlockedCode(string? errorCode) =>
        string.Equals(errorCode, BlockedErrorCode, StringComparison.OrdinalIgnoreCase)
        || string.Equals(errorCode, BlockedByUserErrorCode, StringComparison.OrdinalIgnoreCase);
}
