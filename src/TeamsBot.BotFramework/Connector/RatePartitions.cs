using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace TeamsBot.BotFramework.Connector;

/// <summary>
/// Sliding-log rate limits per key. Callers for one key queue oldest first (SemaphoreSlim releases async waiters in
/// order) and wait exactly until a permit is due; nothing is dropped below the queue limit. No timer runs unless a
/// caller actually waits, and no lock is shared between keys: idle keys are swept by whichever caller finds the sweep
/// due, trying each key's gate without blocking.
/// </summary>
internal sealed class RatePartitions(string name, RateRule[] rules, int queueLimit, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private readonly long _idleTicks = (long)(rules.Max(r => r.Window).TotalSeconds * time.TimestampFrequency);
    private long _nextSweep = time.GetTimestamp();
    private int _sweeping;

    public int Count => _partitions.Count;

    public async ValueTask AcquireAsync(string key, CancellationToken cancellationToken)
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
                for (var wait = partition.Log.TicksUntilDue(time.GetTimestamp()); wait > 0; wait = partition.Log.TicksUntilDue(time.GetTimestamp()))
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait * 1000.0 / time.TimestampFrequency)), time, cancellationToken).ConfigureAwait(false);
                partition.Log.Record(time.GetTimestamp());
                return;
            }
            finally
            {
                Interlocked.Decrement(ref partition.Waiting);
                partition.Gate.Release();
            }
        }
    }

    /// <summary>Drops keys with nobody waiting whose last permit is older than the longest window (they limit nothing).</summary>
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
                    if (partition.Waiting == 0 && (partition.Log.Last is not { } last || now - last > _idleTicks))
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
    private sealed class Partition(SlidingLog log)
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public readonly SlidingLog Log = log;
        public int Waiting;
        public volatile bool Retired;
    }
}
