using System.Net.Sockets;
using Azure;

namespace TeamsBot.Storage;

/// <summary>
/// The one place that tells "the storage could not be reached or did not answer in time" from every other failure.
/// What Azure.Data.Tables throws then (seen with Azurite stopped in <c>StorageOutageTests</c>): a
/// <see cref="RequestFailedException"/> with status 0 whose inner exception is the transport's
/// (<see cref="HttpRequestException"/>, <see cref="IOException"/>, <see cref="SocketException"/>), an
/// <see cref="AggregateException"/> of those from its retry policy, or a <see cref="TaskCanceledException"/> when its
/// network timeout ran out; a 5xx or 408 from the service means the same for the user.
/// </summary>
public static class StorageFailure
{
    /// <summary>
    /// True when <paramref name="e"/> means the storage is unreachable or overloaded. A cancellation counts only when
    /// <paramref name="callerToken"/> was not cancelled (then it is the SDK's own timeout, not the caller giving up).
    /// </summary>
    public static bool IsUnavailable(Exception e, CancellationToken callerToken = default) => e switch
    {
        RequestFailedException { Status: 0 } => true,
        RequestFailedException r => r.Status is 408 or 500 or 502 or 503 or 504,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(inner => IsUnavailable(inner, callerToken)),
        OperationCanceledException => !callerToken.IsCancellationRequested,
        HttpRequestException or IOException or SocketException => true,
        _ => false,
    };
}
