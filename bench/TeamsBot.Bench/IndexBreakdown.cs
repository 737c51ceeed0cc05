using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using TeamsBot.Measures;
using TeamsBot.Measures.Storage;

namespace TeamsBot.Bench;

/// <summary>Where one load's time goes: the same steps LoadAsync takes, timed apart, plus the bare query without mapping.</summary>
internal sealed record IndexBreakdown(
    TimeSpan EnsureTables, TimeSpan Plans, TimeSpan Measures, TimeSpan IndexLoad, TimeSpan RawQuery, int RawPages, int RawEntities,
    TimeSpan RawFirstPage)
{
    public static async Task<IndexBreakdown> MeasureAsync(MeasureStore store, TableClient measuresTable, MeasureIndex index, CancellationToken ct)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        await store.EnsureTablesAsync(ct);
        var ensure = watch.Elapsed;

        watch.Restart();
        var plans = await store.GetPlansAsync(ct).ToListAsync(ct);
        var plansTime = watch.Elapsed;

        watch.Restart();
        var measures = await store.GetMeasuresAsync(null, ct).ToListAsync(ct);
        var measuresTime = watch.Elapsed;

        watch.Restart();
        index.Load(plans, measures);
        var loadTime = watch.Elapsed;

        // The same query as GetMeasuresAsync, entities only (no mapping to Measure), page by page.
        int pages = 0, entities = 0;
        TimeSpan firstPage = default;
        watch.Restart();
        var filter = TableClient.CreateQueryFilter($"Kind eq {"measure"}");
        await foreach (var page in measuresTable.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct).AsPages())
        {
            if (pages++ == 0) firstPage = watch.Elapsed;
            entities += page.Values.Count;
        }
        return new IndexBreakdown(ensure, plansTime, measuresTime, loadTime, watch.Elapsed, pages, entities, firstPage);
    }

    public void Print()
    {
        Console.WriteLine("| One load, step by step | Time |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(Row("EnsureTablesAsync (2 × create-if-not-exists)", EnsureTables));
        Console.WriteLine(Row("GetPlansAsync", Plans));
        Console.WriteLine(Row("GetMeasuresAsync (query + mapping to Measure)", Measures));
        Console.WriteLine(Row("MeasureIndex.Load (immutable dictionaries)", IndexLoad));
        Console.WriteLine(Row($"same query, TableEntity only ({RawPages} pages, {RawEntities:N0} entities)", RawQuery));
        Console.WriteLine(Row("  of which the first page", RawFirstPage));
    }

    private static string Row(string step, TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"| {step} | {time.TotalMilliseconds:0} ms |");
}
