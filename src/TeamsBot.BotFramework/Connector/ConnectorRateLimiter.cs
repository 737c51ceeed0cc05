using Microsoft.Extensions.Options;

namespace TeamsBot.BotFramework.Connector;

/// <summary>
/// Teams' documented limits, applied before each outbound request: per conversation N/s and M/30 s, per tenant K/s.
/// Requests over the limit wait in a queue (oldest first); they are not dropped.
/// </summary>
/// <remarks>
/// Exact sliding logs rather than System.Threading.RateLimiting's segmented windows: those replenish on a 100 ms
/// heartbeat that walks every partition under one lock, so on a busy machine a late heartbeat stretched the window and
/// held sends far below the limits for hundreds of milliseconds (docs/benchmarks.md, protocol breakdown).
/// </remarks>
internal sealed class ConnectorRateLimiter
{
    private readonly RatePartitions _perConversation;
    private readonly RatePartitions _perTenant;

    public ConnectorRateLimiter(IOptions<BotConnectorOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _perConversation = new RatePartitions("conversation",
            [new RateRule(o.PerConversationPerSecond, TimeSpan.FromSeconds(1)), new RateRule(o.PerConversationPer30Seconds, TimeSpan.FromSeconds(30))],
            o.QueueLimit, time);
        _perTenant = new RatePartitions("tenant", [new RateRule(o.PerTenantPerSecond, TimeSpan.FromSeconds(1))], o.QueueLimit, time);
    }

    /// <summary>Waits for a permit. <paramref name="conversationId"/> null: only the tenant limit applies (reads).</summary>
    public async ValueTask AcquireAsync(string? tenantId, string? conversationId, CancellationToken cancellationToken)
    {
        if (conversationId is not null) await _perConversation.AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false);
        await _perTenant.AcquireAsync(tenantId ?? string.Empty, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keys currently tracked (conversations, tenants); idle ones are dropped after the longest window.</summary>
    internal (int Conversations, int Tenants) Tracked => (_perConversation.Count, _perTenant.Count);
}
