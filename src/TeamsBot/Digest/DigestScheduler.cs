using Microsoft.Extensions.Options;
using TeamsBot.Scheduling;

namespace TeamsBot.Digest;

/// <summary>
/// Every poll: the subscriptions whose time this ISO week has come (and that existed by then) and that have no brief
/// for the week yet get one, in parallel with bounded concurrency. Missing the time (service down) is caught up at
/// the next poll in the same week; earlier weeks are never posted.
/// </summary>
public sealed class DigestScheduler(
    DigestSubscriptionStore subscriptions,
    DigestRunner runner,
    DigestComposer composer,
    TimeProvider time,
    IOptions<DigestOptions> options,
    ILogger<DigestScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled) return;
        await PollLoop.RunAsync("Brief", options.Value.PollInterval, time, logger, async ct => await RunDueAsync(ct), stoppingToken);
    }

    /// <summary>One poll. Returns what happened per due subscription (for tests and the benchmark).</summary>
    public async Task<IReadOnlyList<DigestRunOutcome>> RunDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var week = DigestSchedule.WeekAt(now);
        var due = new List<DigestSubscription>();
        await foreach (var s in subscriptions.ListAsync(ct))
            if (IsDue(s, week, now)) due.Add(s);
        if (due.Count == 0) return [];
        var batch = await composer.CreateBatchAsync(now, due.Min(s => DigestRunner.ChangesSince(s, week)), ct);

        var outcomes = new DigestRunOutcome[due.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrency), CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, due.Count), parallel, async (i, c) =>
        {
            try
            {
                outcomes[i] = await runner.RunAsync(due[i], week, batch, c);
            }
            catch (Exception e) when (!c.IsCancellationRequested)
            {
                // One channel's failure (storage, connector) never stops the others.
                logger.LogError(e, "Brief for {Subscription} failed in week {Week}", due[i].Key, week);
                outcomes[i] = DigestRunOutcome.Failed;
            }
        });
        return outcomes;
    }

    public static bool IsDue(DigestSubscription s, IsoWeek week, DateTimeOffset now)
    {
        if (s.Paused || s.LastPostedWeek == week.ToString()) return false;
        var at = s.Schedule.OccurrenceIn(week);
        return at <= now && at >= s.CreatedAt;
    }
}
