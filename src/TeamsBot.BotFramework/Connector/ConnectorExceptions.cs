using System.Net;

namespace TeamsBot.BotFramework.Connector;

/// <summary>A connector call failed. The message holds the operation, status and error code, never a token or body text.</summary>
public class ConnectorException : Exception
{
    public ConnectorException(string operation, HttpStatusCode? statusCode, string? errorCode, int attempts, Exception? inner = null)
        : base($"Connector {operation} failed{(statusCode is null ? "" : $" with {(int)statusCode.Value} {statusCode.Value}")}" +
               $"{(errorCode is null ? "" : $" ({errorCode})")} after {attempts} attempt(s)", inner)
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Attempts = attempts;
    }

    public string Operation { get; }

    /// <summary>Null when no response arrived (timeout, connection failure).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>error.code of the connector's error body, e.g. MessageSizeTooBig.</summary>
    public string? ErrorCode { get; }

    public int Attempts { get; }
}

/// <summary>403 MessageWritesBlocked: the bot was blocked or removed; mark the conversation inactive, do not retry.</summary>
public sealed class ConversationBlockedException(string operation, string? conversationId)
    : ConnectorException(operation, HttpStatusCode.Forbidden, BlockedErrorCode, 1)
{
    public const string BlockedErrorCode = "MessageWritesBlocked";

    public string? ConversationId { get; } = conversationId;
}
