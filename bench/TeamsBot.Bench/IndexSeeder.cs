using TeamsBot.Measures;
using TeamsBot.Measures.Storage;

namespace TeamsBot.Bench;

/// <summary>
/// Writes generated measures, each with its history row, through the app's own write path: "add" is one
/// <see cref="MeasureStore.AddAsync"/> (a two-row transaction) per measure; "batch" is <see cref="MeasureStore.AddManyAsync"/>,
/// which packs 50 measures and their 50 history rows per transaction, as a first import of a big plan does.
/// </summary>
internal sealed class IndexSeeder(MeasureStore store)
{
    private const int Parallelism = 8;

    /// <summary>The generated data set of the index and chat benchmarks: <paramref name="planCount"/> plans, <paramref name="count"/> measures spread over them.</summary>
    public static async Task<TimeSpan> SeedGeneratedAsync(MeasureStore store, int count, int planCount, string mode, CancellationToken cancellationToken)
    {
        var data = new IndexData(seed: 20261122);
        var plans = data.Plans(planCount);
        var at = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(0, count).Select(i => data.Measure(plans[i % planCount], i / planCount + 1, at.AddSeconds(i))).ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await store.EnsureTablesAsync(cancellationToken);
        foreach (var plan in plans) await store.UpsertPlanAsync(plan, cancellationToken);
        await new IndexSeeder(store).SeedAsync(rows, mode, cancellationToken);
        return watch.Elapsed;
    }

    public async Task SeedAsync(IReadOnlyList<(Measure Measure, HistoryEntry History)> rows, string mode, CancellationToken cancellationToken)
    {
        switch (mode)
        {
            case "add":
                var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(rows, options, async (row, ct) => await store.AddAsync(row.Measure, row.History, ct));
                break;
            case "batch":
                var saved = await store.AddManyAsync(rows, cancellationToken);
                if (saved.Any(m => m is null)) throw new InvalidOperationException("Seeding met existing measures; seed into fresh tables.");
                break;
            default:
                throw new ArgumentException($"Unknown seed mode '{mode}' (add or batch).", nameof(mode));
        }
    }
}
