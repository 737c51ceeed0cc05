using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TeamsBot.BotFramework.Connector;

/// <summary>
/// Teams' documented limits, applied before each outbound request: per conversation N/s and M/30 s, per tenant K/s.
/// Requests over the limit wait in a queue (oldest first); they are not dropped.
/// </summary>
internal sealed class ConnectorRateLimiter : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string> _perConversation;
    private readonly PartitionedRateLimiter<string> _perTenant;

    public ConnectorRateLimiter(IOptions<BotConnectorOptions> options)
    {
        var o = options.Value;
        var perSecond = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ =>
            SlidingWindow(o.PerConversationPerSecond, TimeSpan.FromSeconds(1), 10, o.QueueLimit)));
        var per30Seconds = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ =>
            SlidingWindow(o.PerConversationPer30Seconds, TimeSpan.FromSeconds(30), 30, o.QueueLimit)));
        _perConversation = PartitionedRateLimiter.CreateChained(perSecond, per30Seconds);
        _perTenant = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ =>
            SlidingWindow(o.PerTenantPerSecond, TimeSpan.FromSeconds(1), 10, o.QueueLimit)));
    }

    /// <summary>Waits for a permit. <paramref name="conversationId"/> null: only the tenant limit applies (reads).</summary>
    public async ValueTask<IDisposable> AcquireAsync(string? tenantId, string? conversationId, CancellationToken cancellationToken)
    {
        RateLimitLease? conversationLease = null;
        if (conversationId is not null)
        {
            conversationLease = await _perConversation.AcquireAsync(conversationId, 1, cancellationToken).ConfigureAwait(false);
            if (!conversationLease.IsAcquired)
            {
                conversationLease.Dispose();
                throw new InvalidOperationException("Outbound queue for the conversation is full.");
            }
        }
        var tenantLease = await _perTenant.AcquireAsync(tenantId ?? string.Empty, 1, cancellationToken).ConfigureAwait(false);
        if (!tenantLease.IsAcquired)
        {
            tenantLease.Dispose();
            conversationLease?.Dispose();
            throw new InvalidOperationException("Outbound queue for the tenant is full.");
        }
        return new Leases(conversationLease, tenantLease);
    }

    private static SlidingWindowRateLimiterOptions SlidingWindow(int permits, TimeSpan window, int segments, int queueLimit) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = segments,
        QueueLimit = queueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };

    public async ValueTask DisposeAsync()
    {
        await _perConversation.DisposeAsync().ConfigureAwait(false);
        await _perTenant.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Leases(RateLimitLease? first, RateLimitLease second) : IDisposable
    {
        public void Dispose()
        {
            first?.Dispose();
            second.Dispose();
        }
    }
}
