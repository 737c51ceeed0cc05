using System.Net.Sockets;
using Azure;
using TeamsBot.Storage;

namespace TeamsBot.Tests.Storage;

/// <summary>
/// What counts as "the storage is unreachable". The real exceptions come from Azurite stopped in
/// <c>StorageOutageTests</c> (an AggregateException of status-0 RequestFailedExceptions after the SDK's retries); these
/// pin the edges: the caller giving up is not an outage, and refusals that say something about the request are not.
/// </summary>
public sealed class StorageFailureTests
{
    private static RequestFailedException Refused() =>
        new(0, "Connection refused", new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));

    [Fact]
    public void The_SDKs_retries_ending_in_refused_connections_are_an_outage() =>
        Assert.True(StorageFailure.IsUnavailable(new AggregateException(Refused(), Refused(), Refused())));

    [Theory]
    [InlineData(0)]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(504)]
    public void A_transport_failure_a_timeout_or_a_server_error_is_an_outage(int status) =>
        Assert.True(StorageFailure.IsUnavailable(new RequestFailedException(status, "failed")));

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    public void A_refusal_of_the_request_itself_is_not_an_outage(int status) =>
        Assert.False(StorageFailure.IsUnavailable(new RequestFailedException(status, "refused")));

    [Fact]
    public void The_SDKs_own_timeout_is_an_outage_but_the_caller_giving_up_is_not()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.True(StorageFailure.IsUnavailable(new TaskCanceledException("timed out"), CancellationToken.None));
        Assert.False(StorageFailure.IsUnavailable(new TaskCanceledException("cancelled"), cancelled.Token));
    }

    [Fact]
    public void A_bug_is_not_an_outage()
    {
        Assert.False(StorageFailure.IsUnavailable(new InvalidOperationException()));
        Assert.False(StorageFailure.IsUnavailable(new AggregateException(Refused(), new ArgumentException())));
    }
}
