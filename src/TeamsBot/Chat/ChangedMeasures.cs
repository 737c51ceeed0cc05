using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TeamsBot.Chat.Understanding;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Storage;

namespace TeamsBot.Chat;

/// <summary>
/// «hva er endret siste uke?»: the measures with a change in a period other than their creation. History rows, not
/// timestamps, decide, and reading them is a query across every plan (after an import, one row per measure), so the
/// answer is kept per read-index snapshot and period. That is as fresh as the rest of the chat: a change is written
/// with its history row in one transaction, an own write publishes a new snapshot at once, and another instance's
/// arrives with the poll, so a snapshot's answer holds until the next snapshot.
/// </summary>
public sealed class ChangedMeasures(MeasureStore store)
{
    private readonly ConditionalWeakTable<MeasureSnapshot, ConcurrentDictionary<DateRange, MeasureKey[]>> _bySnapshot = new();

    public async Task<IReadOnlyList<Measure>> InAsync(MeasureSnapshot snapshot, DateRange range, CancellationToken ct)
    {
        var cached = _bySnapshot.GetOrCreateValue(snapshot);
        if (!cached.TryGetValue(range, out var keys)) cached[range] = keys = await ReadAsync(range, ct);
        return [.. keys.Select(key => snapshot.Measures.GetValueOrDefault(key)).OfType<Measure>()];
    }

    private async Task<MeasureKey[]> ReadAsync(DateRange range, CancellationToken ct)
    {
        var from = range.From is { } f ? OsloClock.StartOf(f) : DateTimeOffset.MinValue;
        var changedKeys = new HashSet<MeasureKey>();
        await foreach (var entry in store.GetHistorySinceAsync(from, ct))
        {
            var day = OsloClock.DateOf(entry.At);
            if (range.Contains(day) && entry.Changes.Any(c => c.Old is not null)) changedKeys.Add(new MeasureKey(entry.PlanId, entry.MeasureId));
        }
        return [.. changedKeys];
    }
}
