using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace TeamsBot.BotFramework.Connector;

/// <summary>
/// Rate limits per key (<see cref="SlidingLog"/>). Callers for one key queue oldest first (SemaphoreSlim releases async
/// waiters in order) and wait exactly until a permit is due: for a window to pass, for a request in flight to complete,
/// or for the share to grow. Nothing is dropped below the queue limit. No timer runs unless a caller actually waits,
/// and no lock is shared between keys: idle keys are swept by whichever caller finds the sweep due, trying each key's
/// gate without blocking.
/// </summary>
internal sealed class RatePartitions(string name, RateRule[] rules, int queueLimit, TimeProvider time, ITenantBudgetShare? share = null)
{
    private readonly ConcurrentDictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private readonly long _idleTicks = (long)(rules.Max(r => r.Window).TotalSeconds * time.TimestampFrequency);
    private long _nextSweep = time.GetTimestamp();
    private int _sweeping;

    public int Count => _partitions.Count;

    private RateShare Share => share?.Current ?? RateShare.Whole;

    public async ValueTask<RatePermit> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        SweepIfDue();
        while (true)
        {
            var partition = _partitions.GetOrAdd(key, static (_, state) => new Partition(new SlidingLog(state.rules, state.time.TimestampFrequency)), (rules, time));
            if (Interlocked.Increment(ref partition.Waiting) > queueLimit)
            {
                Interlocked.Decrement(ref partition.Waiting);
                throw new InvalidOperationException($"Outbound queue for the {name} is full.");
            }
            try
            {
                await partition.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Interlocked.Decrement(ref partition.Waiting);
                throw;
            }
            try
            {
                if (partition.Retired) continue; // swept while we queued: take the key's new partition
                while (true)
                {
                    var shareChanged = share?.WhenChanged;
                    Task? completed;
                    long wait;
                    lock (partition)
                    {
                        var now = time.GetTimestamp();
                        wait = partition.Log.TicksUntilDue(now, Share);
                        if (wait == 0) return new RatePermit(partition, partition.Log.Grant(now), time);
                        completed = wait == SlidingLog.InFlight ? partition.NextCompletion() : null;
                    }
                    await WaitAsync(wait, completed, shareChanged, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                Interlocked.Decrement(ref partition.Waiting);
                partition.Gate.Release();
            }
        }
    }

    /// <summary>A permit now, or false when one would have to wait (or others are queued first).</summary>
    public bool TryAcquire(string key, out RatePermit permit)
    {
        var partition = _partitions.GetOrAdd(key, static (_, state) => new Partition(new SlidingLog(state.rules, state.time.TimestampFrequency)), (rules, time));
        permit = default;
        if (!partition.Gate.Wait(0)) return false;
        try
        {
            if (partition.Retired) return false;
            lock (partition)
            {
                var now = time.GetTimestamp();
                if (partition.Log.TicksUntilDue(now, Share) != 0) return false;
                permit = new RatePermit(partition, partition.Log.Grant(now), time);
                return true;
            }
        }
        finally
        {
            partition.Gate.Release();
        }
    }

    /// <summary>True when no key counts more permits than <paramref name="within"/> allows.</summary>
    public bool IsWithin(RateShare within)
    {
        var now = time.GetTimestamp();
        foreach (var (_, partition) in _partitions)
        {
            lock (partition)
            {
                if (!partition.Log.IsWithin(now, within)) return false;
            }
        }
        return true;
    }

    /// <summary>Until the wait passes, a permit completes or the share changes, whichever is first.</summary>
    private async Task WaitAsync(long ticks, Task? completed, Task? shareChanged, CancellationToken cancellationToken)
    {
        // The losers are cancelled afterwards, so nothing stays registered on a completion or share change that never comes.
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waits = new List<Task>(3);
        if (ticks != SlidingLog.InFlight)
            waits.Add(Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(ticks * 1000.0 / time.TimestampFrequency)), time, done.Token));
        if (completed is not null) waits.Add(completed.WaitAsync(done.Token));
        if (shareChanged is not null) waits.Add(shareChanged.WaitAsync(done.Token));
        await Task.WhenAny(waits).ConfigureAwait(false);
        await done.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Drops keys with nobody waiting whose permits all stopped counting (they limit nothing).</summary>
    private void SweepIfDue()
    {
        var now = time.GetTimestamp();
        if (now < Volatile.Read(ref _nextSweep) || Interlocked.Exchange(ref _sweeping, 1) == 1) return;
        try
        {
            foreach (var (key, partition) in _partitions)
            {
                if (Volatile.Read(ref partition.Waiting) > 0 || !partition.Gate.Wait(0)) continue;
                try
                {
                    bool idle;
                    lock (partition) idle = partition.Waiting == 0 && partition.Log.IsIdle(now);
                    if (idle)
                    {
                        partition.Retired = true;
                        _partitions.TryRemove(new KeyValuePair<string, Partition>(key, partition));
                    }
                }
                finally
                {
                    partition.Gate.Release();
                }
            }
        }
        finally
        {
            Volatile.Write(ref _nextSweep, now + _idleTicks);
            Volatile.Write(ref _sweeping, 0);
        }
    }

    [SuppressMessage("Design", "CA1001", Justification = "A swept partition may still be awaited by a queued caller, so its gate is never disposed; SemaphoreSlim holds nothing to release unless AvailableWaitHandle is read, and it never is.")]
    internal sealed class Partition(SlidingLog log)
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public readonly SlidingLog Log = log;
        public int Waiting;
        public volatile bool Retired;
        private TaskCompletionSource? _completion; // only while someone waits for one

        /// <summary>Completes when a permit of this key next completes. Call under the partition's lock.</summary>
        public Task NextCompletion() => (_completion ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        /// <summary>Marks the request done: from now its permit counts for one more window. Takes the partition's lock.</summary>
        public void Complete(Hold hold, long now)
        {
            TaskCompletionSource? waiting;
            lock (this)
            {
                SlidingLog.Complete(hold, now);
                waiting = _completion;
                _completion = null;
            }
            waiting?.TrySetResult();
        }

        /// <summary>Takes back a permit whose request was never sent.</summary>
        public void Revoke(Hold hold)
        {
            TaskCompletionSource? waiting;
            lock (this)
            {
                Log.Revoke(hold);
                waiting = _completion;
                _completion = null;
            }
            waiting?.TrySetResult();
        }
    }
}

/// <summary>A granted permit of one key; <see cref="Complete"/> when its request got its response (or failed).</summary>
internal readonly struct RatePermit(RatePartitions.Partition partition, Hold hold, TimeProvider time)
{
    public void Complete() => partition?.Complete(hold, time.GetTimestamp());

    /// <summary>The request was never sent: the permit does not count at all.</summary>
    public void Revoke() => partition?.Revoke(hold);
}
