using Microsoft.Extensions.Options;
using TeamsBot.Measures.Storage;
using TeamsBot.Telemetry;

namespace TeamsBot.Measures;

public sealed class MeasureIndexOptions
{
    public const string Section = "Index";

    /// <summary>How often other instances' writes are picked up.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The service's Timestamp is not our clock: look back this far past the newest change seen.</summary>
    public TimeSpan ClockSkewAllowance { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Loads the read index with paged queries at start, then polls for changes by Timestamp.</summary>
public sealed class MeasureIndexLoader(
    MeasureStore store,
    MeasureIndex index,
    TimeProvider time,
    IOptions<MeasureIndexOptions> options,
    IndexTelemetry telemetry,
    ILogger<MeasureIndexLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = await LoadWithRetryAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                since = await RefreshAsync(since, stoppingToken);
            }
            // Not "is not OperationCanceledException": the storage SDK's own timeout is one, and it must not end the refresh for good.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Refreshing the measure index failed; will try again in {Interval}", options.Value.RefreshInterval);
            }
        }
    }

    public async Task<DateTimeOffset> LoadAsync(CancellationToken ct)
    {
        using var timing = telemetry.StartLoad();
        var started = time.GetUtcNow();
        await store.EnsureTablesAsync(ct);
        var plans = await store.GetPlansAsync(ct).ToListAsync(ct);
        var measures = await LoadMeasuresAsync(plans, ct);
        index.Load(plans, measures);
        logger.LogInformation("Measure index loaded: {Plans} plans, {Measures} measures in {Elapsed} ms",
            plans.Count, measures.Count, (time.GetUtcNow() - started).TotalMilliseconds);
        timing.Succeeded();
        return started;
    }

    /// <summary>Plan partitions are independent key ranges: read them side by side rather than one long scan.</summary>
    private async Task<IReadOnlyList<Measure>> LoadMeasuresAsync(List<Plan> plans, CancellationToken ct)
    {
        if (plans.Count == 0) return await store.GetMeasuresAsync(null, ct, forIndex: true).ToListAsync(ct);
        var perPlan = new List<Measure>[plans.Count];
        await Parallel.ForAsync(0, plans.Count, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
            perPlan[i] = await store.GetMeasuresAsync(null, token, plans[i].Id, forIndex: true).ToListAsync(token));
        return perPlan.SelectMany(m => m).ToList();
    }

    public async Task<DateTimeOffset> RefreshAsync(DateTimeOffset since, CancellationToken ct)
    {
        using var timing = telemetry.StartRefresh();
        var started = time.GetUtcNow();
        var changed = await store.GetMeasuresAsync(since - options.Value.ClockSkewAllowance, ct, forIndex: true).ToListAsync(ct);
        var applied = index.Apply(changed);
        foreach (var plan in await store.GetPlansAsync(ct).ToListAsync(ct))
            if (!index.Current.Plans.TryGetValue(plan.Id, out var known) || !known.HasSameContent(plan)) index.Apply(plan);
        if (applied > 0) logger.LogInformation("Measure index refreshed: {Applied} changed measures", applied);
        timing.Succeeded();
        return started;
    }

    private async Task<DateTimeOffset> LoadWithRetryAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await LoadAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt)));
                logger.LogError(e, "Loading the measure index failed (attempt {Attempt}); retrying in {Delay}", attempt, delay);
                await Task.Delay(delay, time, ct);
            }
        }
    }
}
