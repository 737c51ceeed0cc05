using System.Reflection;
using TeamsBot.Measures;
using TeamsBot.Measures.Storage;
using Azure.Data.Tables;

namespace TeamsBot.Bench;

/// <summary>
/// Writes generated measures, each with its history row, the way the app does. "add" goes through
/// <see cref="MeasureStore.AddAsync"/> (one two-row transaction per measure); "batch" packs 50 measures and their 50
/// history rows per transaction, using the store's own (internal) entity mapping, reached by reflection so the rows
/// are exactly what the store writes.
/// </summary>
internal sealed class IndexSeeder(MeasureStore store, TableClient measuresTable)
{
    private const int MeasuresPerBatch = 50; // plus as many history rows: the 100-operation transaction limit
    private const int Parallelism = 8;

    /// <summary>The generated data set of the index and chat benchmarks: <paramref name="planCount"/> plans, <paramref name="count"/> measures spread over them.</summary>
    public static async Task<TimeSpan> SeedGeneratedAsync(MeasureStore store, TableClient measuresTable, int count, int planCount, string mode, CancellationToken cancellationToken)
    {
        var data = new IndexData(seed: 20261122);
        var plans = data.Plans(planCount);
        var at = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(0, count).Select(i => data.Measure(plans[i % planCount], i / planCount + 1, at.AddSeconds(i))).ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await store.EnsureTablesAsync(cancellationToken);
        foreach (var plan in plans) await store.UpsertPlanAsync(plan, cancellationToken);
        await new IndexSeeder(store, measuresTable).SeedAsync(rows, mode, cancellationToken);
        return watch.Elapsed;
    }

    public async Task SeedAsync(IReadOnlyList<(Measure Measure, HistoryEntry History)> rows, string mode, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        if (mode == "add")
        {
            await Parallel.ForEachAsync(rows, options, async (row, ct) => await store.AddAsync(row.Measure, row.History, ct));
            return;
        }
        if (mode != "batch") throw new ArgumentException($"Unknown seed mode '{mode}' (add or batch).", nameof(mode));

        var mapping = EntityMapping.Find();
        var batches = rows.GroupBy(r => r.Measure.PlanId).SelectMany(plan => plan.Chunk(MeasuresPerBatch));
        await Parallel.ForEachAsync(batches, options, async (batch, ct) =>
        {
            var actions = batch.SelectMany(r => new[]
            {
                new TableTransactionAction(TableTransactionActionType.Add, mapping.Measure(r.Measure)),
                new TableTransactionAction(TableTransactionActionType.Add, mapping.History(r.History, Guid.NewGuid().ToString("N")[..8])),
            });
            await measuresTable.SubmitTransactionAsync(actions, ct);
        });
    }

    private sealed record EntityMapping(Func<Measure, TableEntity> Measure, Func<HistoryEntry, string, TableEntity> History)
    {
        public static EntityMapping Find()
        {
            var type = typeof(MeasureStore).Assembly.GetType("TeamsBot.Measures.Storage.MeasureEntities", throwOnError: true)!;
            var measure = type.GetMethod("ToEntity", BindingFlags.Public | BindingFlags.Static, [typeof(Measure)])
                ?? throw new MissingMethodException("MeasureEntities.ToEntity(Measure)");
            var history = type.GetMethod("ToEntity", BindingFlags.Public | BindingFlags.Static, [typeof(HistoryEntry), typeof(string)])
                ?? throw new MissingMethodException("MeasureEntities.ToEntity(HistoryEntry, string)");
            return new EntityMapping(measure.CreateDelegate<Func<Measure, TableEntity>>(), history.CreateDelegate<Func<HistoryEntry, string, TableEntity>>());
        }
    }
}
