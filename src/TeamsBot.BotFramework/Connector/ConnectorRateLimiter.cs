using Microsoft.Extensions.Options;

namespace TeamsBot.BotFramework.Connector;

/// <summary>
/// Teams' documented limits, applied before each outbound request: per conversation N/s and M/30 s, per tenant K/s
/// (this instance's <see cref="ITenantBudgetShare"/> of it). A permit counts until its request has completed plus the
/// window (see <see cref="SlidingLog"/>), so requests never arrive bunched over a limit, whatever their latency.
/// Requests over the limit wait in a queue (oldest first); they are not dropped.
/// </summary>
/// <remarks>
/// Exact logs rather than System.Threading.RateLimiting's segmented windows: those replenish on a 100 ms heartbeat that
/// walks every partition under one lock, so on a busy machine a late heartbeat stretched the window and held sends far
/// below the limits for hundreds of milliseconds (docs/benchmarks.md, protocol breakdown).
/// </remarks>
internal sealed class ConnectorRateLimiter
{
    private readonly RatePartitions _perConversation;
    private readonly RatePartitions _perTenant;

    public ConnectorRateLimiter(IOptions<BotConnectorOptions> options, TimeProvider time, ITenantBudgetShare share)
    {
        var o = options.Value;
        _perConversation = new RatePartitions("conversation",
            [new RateRule(o.PerConversationPerSecond, TimeSpan.FromSeconds(1)), new RateRule(o.PerConversationPer30Seconds, TimeSpan.FromSeconds(30))],
            o.QueueLimit, time);
        _perTenant = new RatePartitions("tenant", [new RateRule(o.PerTenantPerSecond, TimeSpan.FromSeconds(1))], o.QueueLimit, time, share);
    }

    /// <summary>
    /// Waits for a permit. <paramref name="conversationId"/> null: only the tenant limit applies (reads). Dispose the
    /// permit once the request has its response (or failed).
    /// </summary>
    public async ValueTask<ConnectorPermit> AcquirePermitAsync(string? tenantId, string? conversationId, CancellationToken cancellationToken)
    {
        var conversation = conversationId is null ? default : await _perConversation.AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false);
        try
        {
            return new ConnectorPermit(conversation, await _perTenant.AcquireAsync(tenantId ?? string.Empty, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            conversation.Revoke(); // nothing was sent
            throw;
        }
    }

    /// <summary>A permit now, or false when one would have to wait (a deterministic step for simulations).</summary>
    internal bool TryAcquire(string? tenantId, string? conversationId, out ConnectorPermit permit)
    {
        permit = default;
        var conversation = default(RatePermit);
        if (conversationId is not null && !_perConversation.TryAcquire(conversationId, out conversation)) return false;
        if (!_perTenant.TryAcquire(tenantId ?? string.Empty, out var tenant))
        {
            conversation.Revoke();
            return false;
        }
        permit = new ConnectorPermit(conversation, tenant);
        return true;
    }

    /// <summary>True when no tenant counts more permits than <paramref name="share"/> of its limit.</summary>
    public bool TenantsWithin(RateShare share) => _perTenant.IsWithin(share);

    /// <summary>Keys currently tracked (conversations, tenants); idle ones are dropped after the longest window.</summary>
    internal (int Conversations, int Tenants) Tracked => (_perConversation.Count, _perTenant.Count);
}

/// <summary>The permits of one outbound request; disposing it marks the request done (its permits count one more window).</summary>
internal readonly struct ConnectorPermit(RatePermit conversation, RatePermit tenant) : IDisposable
{
    public void Dispose()
    {
        conversation.Complete();
        tenant.Complete();
    }
}
