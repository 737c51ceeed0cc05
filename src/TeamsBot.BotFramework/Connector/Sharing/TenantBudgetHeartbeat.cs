using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TeamsBot.BotFramework.Connector.Sharing;

/// <summary>
/// Agrees with the app's other instances on an equal share of the per-tenant budget, through
/// <see cref="ITenantBudgetStore"/>. Every <see cref="BotConnectorOptions.ShareHeartbeatInterval"/> an instance reads
/// everyone's row, counts the live ones (a row whose beat changed within <see cref="BotConnectorOptions.ShareExpiry"/>,
/// timed on this instance's own clock, so clock skew between instances does not matter), takes 1/live of the budget and
/// writes its own row with a new beat.
/// </summary>
/// <remarks>
/// Never more than the budget in any window, also while instances come and go:
/// <list type="bullet">
/// <item>A new instance sends nothing until every live instance has acknowledged it in its row; an instance acknowledges
/// a newcomer only once it has shrunk to the smaller share and its permits still counting fit in it.</item>
/// <item>An instance that stops or dies stops beating, and the others take its share back after the expiry (it sent
/// nothing for that long). Stopping does not delete the row: the others could then grow while the last sends of the
/// stopping instance still count; the rows of gone instances are deleted by the others.</item>
/// <item>An instance whose row the others deleted (it was not heard of for the expiry) joins again as a newcomer.</item>
/// </list>
/// Left open: an instance cut off from the store but not from Teams keeps its last share while the others take it back
/// after the expiry, so together they can exceed the budget until it can write again (Teams then answers 429s, retried).
/// </remarks>
internal sealed class TenantBudgetHeartbeat(
    ITenantBudgetStore store,
    TenantBudgetShare share,
    ConnectorRateLimiter limiter,
    TimeProvider time,
    IOptions<BotConnectorOptions> options,
    ILogger<TenantBudgetHeartbeat> logger) : BackgroundService
{
    private readonly Dictionary<string, Heard> _others = new(StringComparer.Ordinal);
    private readonly long _expiry = (long)(options.Value.ShareExpiry.TotalSeconds * time.TimestampFrequency);
    private IReadOnlyList<string> _acknowledged = [];
    private long _beat;
    private long? _lastRead;
    private bool _joined;
    private bool _failing;

    public string InstanceId { get; } = $"{Environment.MachineName}-{Guid.NewGuid():N}"[..^16];

    /// <summary>The first beat before the app takes traffic, so its first send already knows its share.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatSafelyAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ShareHeartbeatInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await BeatSafelyAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>One beat: read everyone, take the share, acknowledge newcomers when there is room for them, say we are alive.</summary>
    internal async Task BeatAsync(CancellationToken cancellationToken)
    {
        var rows = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetTimestamp();
        // A gap in our own reading (the store was unreachable) says nothing about the others: time them afresh.
        var watchedSince = _lastRead is { } last && now - last <= _expiry / 2 ? (long?)null : now;
        _lastRead = now;

        var live = new List<TenantBudgetRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var present = false;
        foreach (var row in rows)
        {
            if (row.InstanceId == InstanceId)
            {
                present = true;
                continue;
            }
            seen.Add(row.InstanceId);
            if (!_others.TryGetValue(row.InstanceId, out var heard) || heard.Beat != row.Beat || watchedSince is not null)
                _others[row.InstanceId] = heard = new Heard(row.Beat, watchedSince ?? now);
            if (now - heard.At < _expiry) live.Add(row);
            else await ForgetAsync(row, cancellationToken).ConfigureAwait(false);
        }
        foreach (var gone in _others.Keys.Where(id => !seen.Contains(id)).ToList()) _others.Remove(gone);

        if (_joined && !present && _beat > 0)
        {
            _joined = false; // the others gave our share away: ask again
            logger.LogWarning("This instance's budget share row was removed by another instance; joining again");
        }
        _joined = _joined || live.All(r => r.Acknowledged.Contains(InstanceId, StringComparer.Ordinal));
        var instances = new RateShare(1 + live.Count);
        Apply(_joined ? instances : RateShare.None, live.Count);

        // Acknowledging a newcomer lets it send; only once what we still count fits in the share that leaves us.
        var liveIds = live.Select(r => r.InstanceId).ToList();
        _acknowledged = limiter.TenantsWithin(instances) ? liveIds : [.. _acknowledged.Intersect(liveIds, StringComparer.Ordinal)];
        await store.WriteAsync(new TenantBudgetRow(InstanceId, _beat + 1, _acknowledged), cancellationToken).ConfigureAwait(false);
        _beat++;
    }

    private async Task BeatSafelyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await BeatAsync(cancellationToken).ConfigureAwait(false);
            if (_failing) logger.LogInformation("The budget share store is reachable again");
            _failing = false;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Keep the last share: never a larger one on a failure (see the remarks for what this leaves open).
            if (!_failing) logger.LogWarning(e, "Budget share heartbeat failed; keeping the share {Share} until the store answers", share.Current);
            _failing = true;
        }
    }

    private void Apply(RateShare next, int others)
    {
        var previous = share.Current;
        if (previous == next) return;
        share.Set(next);
        if (next == RateShare.None)
            logger.LogInformation("Waiting for {Others} other instance(s) to make room before sending", others);
        else
            logger.LogInformation("Sending with {Share} of the per-tenant budget ({Instances} instance(s))", next, next.Instances);
    }

    /// <summary>A row not heard of for the expiry: its instance is gone; remove the row unless it beat meanwhile.</summary>
    private async Task ForgetAsync(TenantBudgetRow row, CancellationToken cancellationToken)
    {
        _others.Remove(row.InstanceId);
        try
        {
            await store.DeleteAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug(e, "Could not remove the expired budget share row of {Instance}", row.InstanceId);
        }
    }

    private readonly record struct Heard(long Beat, long At);
}
