using System.Net;

namespace TeamsBot.BotFramework.Connector;

/// <summary>
/// Whether a failed attempt may be sent again. An answer that proves the connector did not take the request (429, 503,
/// 412, or no connection made at all) is retried for every operation. An outcome that leaves open whether it was taken
/// (500, 502, 504, a timeout or a connection lost after sending) is retried only for operations that cannot post twice:
/// GET, PUT and DELETE are idempotent (RFC 9110 §9.2.2), a POST of a message is not. Teams documents 500 as not to be
/// retried at all. See docs/reliability.md for the sources and the trade-off.
/// </summary>
internal static class RetryRule
{
    public static bool IsIdempotent(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete;

    public static bool MayRetry(HttpMethod method, HttpStatusCode? status, Exception? failure, BotConnectorOptions options)
    {
        if (status is { } s)
            return options.RetryStatusCodes.Contains((int)s) || (IsIdempotent(method) && options.IdempotentRetryStatusCodes.Contains((int)s));
        return NotSent(failure) || IsIdempotent(method);
    }

    /// <summary>True when the failure happened before the request could reach the connector.</summary>
    public static bool NotSent(Exception? failure) =>
        failure is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError };
}
