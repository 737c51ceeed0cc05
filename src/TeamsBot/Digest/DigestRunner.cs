using Microsoft.Extensions.Options;

namespace TeamsBot.Digest;

/// <summary>
/// Posts one subscription's brief for one ISO week, at most once across all instances: claim the week in DigestRuns,
/// hold the lease while composing and sending, confirm the lease just before the send, record the posted activity.
/// </summary>
public sealed class DigestRunner(
    DigestRunStore runs,
    DigestSubscriptionStore subscriptions,
    DigestSender sender,
    DigestBlockedNotifier notifier,
    DigestInstance instance,
    TimeProvider time,
    IOptions<DigestOptions> options,
    ILogger<DigestRunner> logger)
{
    /// <summary>
    /// "Changes since" for a scheduled brief: the schedule's time in the previous week (so channels on the same schedule
    /// share one card), or the last brief if that was earlier (a missed week loses nothing).
    /// </summary>
    public static DateTimeOffset ChangesSince(DigestSubscription subscription, IsoWeek week)
    {
        var previous = subscription.Schedule.OccurrenceIn(week.Previous);
        return subscription.LastBriefAt is { } last && last < previous ? last : previous;
    }

    public async Task<DigestRunOutcome> RunAsync(DigestSubscription subscription, IsoWeek week, DigestBatch batch, CancellationToken ct)
    {
        var o = options.Value;
        var claimedAt = time.GetUtcNow();
        var claim = await runs.TryClaimAsync(subscription.Key, week, instance.Id, claimedAt, o.LeaseDuration, ct);
        if (claim is null) return DigestRunOutcome.NotOurs;

        await using var lease = new DigestLease(runs, claim, time, o.LeaseDuration, logger);
        if (claim.Attempt > o.MaxAttemptsPerWeek)
        {
            await lease.FailAsync("too many attempts", ct);
            logger.LogError("Giving up the brief for week {Week} of {Subscription} after {Attempts} attempts", week, subscription.Key, claim.Attempt - 1);
            return DigestRunOutcome.Failed;
        }

        var brief = batch.Compose(subscription.Filter, subscription.Language, ChangesSince(subscription, week));
        // A lease can only be lost once it has expired; well inside it no confirmation round trip is needed.
        if (time.GetUtcNow() - claimedAt > o.LeaseDuration / 3 && !await lease.ConfirmAsync(ct)) return DigestRunOutcome.NotOurs;

        switch (await sender.SendAsync(subscription, brief, ct))
        {
            case DigestSendResult.Posted posted:
                var at = time.GetUtcNow();
                if (!await lease.CompleteAsync(posted.ConversationId, posted.ActivityId, ct))
                    logger.LogWarning("Brief for week {Week} of {Subscription} was posted but its lease was lost before it was recorded", week, subscription.Key);
                await subscriptions.RecordBriefAsync(subscription, at, week, ct);
                logger.LogInformation("Posted the brief for week {Week} to {Subscription} (attempt {Attempt})", week, subscription.Key, claim.Attempt);
                return DigestRunOutcome.Posted;

            case DigestSendResult.Blocked:
                await lease.FailAsync("MessageWritesBlocked", ct);
                await subscriptions.PauseAsync(subscription, "MessageWritesBlocked", ct);
                logger.LogWarning("Teams refused the brief for {Subscription} (bot blocked or removed); subscription paused", subscription.Key);
                await notifier.NotifyAsync(subscription, ct);
                return DigestRunOutcome.Blocked;

            case DigestSendResult.MaybePosted maybe:
                // Posting again could put a second brief in the channel; one missed brief is the lesser harm.
                await lease.FailAsync("delivery unknown", ct);
                logger.LogWarning(maybe.Error, "The brief for week {Week} to {Subscription} may or may not have been posted; it is not posted again this week",
                    week, subscription.Key);
                return DigestRunOutcome.Failed;

            case DigestSendResult.Failed failed:
                // The claim stays, with a short lease: a poll after it (here or elsewhere) takes it over and tries again this week.
                logger.LogWarning(failed.Error, "Posting the brief for week {Week} to {Subscription} failed (attempt {Attempt})", week, subscription.Key, claim.Attempt);
                await lease.RetryLaterAsync(o.RetryFailedAfter, ct);
                return DigestRunOutcome.Failed;

            default:
                throw new InvalidOperationException("Unknown send result.");
        }
    }
}

public enum DigestRunOutcome { NotOurs, Posted, Blocked, Failed }

/// <summary>This instance's name in lease rows.</summary>
public sealed record DigestInstance(string Id)
{
    public static DigestInstance Create(DigestOptions options) =>
        new(options.InstanceId is { Length: > 0 } id ? id : $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}");
}
