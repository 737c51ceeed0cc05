using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsBot.Measures;
using TeamsBot.Measures.Storage;
using TeamsBot.Storage;
using TeamsBot.Testing;

namespace TeamsBot.Bench;

/// <summary>
/// Seeds generated measures into a private Azurite with the app's own store, then times MeasureIndexLoader.LoadAsync
/// end to end (the app's services, not started, so the loader's background loop stays out of the way), plus a
/// breakdown of one load and the memory the loaded index holds.
/// Options: --measures 10000 --plans 20 --runs 5 --seed batch|add.
/// </summary>
public sealed class IndexBenchmark : IBenchmark
{
    private static readonly TimeSpan Goal = TimeSpan.FromSeconds(2);

    public string Name => "index";

    public string Description => "Time to load 10,000 measures (Azurite) into the read index with MeasureIndexLoader.LoadAsync";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = int.Parse(Option(args, "--measures", "10000"), CultureInfo.InvariantCulture);
        var planCount = int.Parse(Option(args, "--plans", "20"), CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs", "5"), CultureInfo.InvariantCulture);
        var seedMode = Option(args, "--seed", "batch");

        await using var azurite = new AzuriteFixture();
        await azurite.StartAsync(cancellationToken);
        var app = TeamsBotApplication.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:TablePrefix"] = AzuriteFixture.NewTableName("bench")[..12],
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await using var _ = app;
        var store = app.Services.GetRequiredService<MeasureStore>();
        var loader = app.Services.GetRequiredService<MeasureIndexLoader>();
        var index = app.Services.GetRequiredService<MeasureIndex>();
        var measuresTable = app.Services.GetRequiredService<TableServiceClient>()
            .GetTableClient(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.TableName("Measures"));

        Console.WriteLine($"index benchmark: {count:N0} measures in {planCount} plans, seeding with '{seedMode}', {runs} timed loads, Azurite {azurite.TableEndpoint}");
        var seeding = await IndexSeeder.SeedGeneratedAsync(store, count, planCount, seedMode, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {count:N0} measures + {count:N0} history rows + {planCount} plans in {seeding.TotalSeconds:0.0} s ({count / seeding.TotalSeconds:0} measures/s)"));

        var before = Memory.Now();
        var times = new List<TimeSpan>();
        var cpuBefore = IndexCpu.Now();
        for (var run = 1; run <= runs; run++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var watch = Stopwatch.StartNew();
            await loader.LoadAsync(cancellationToken);
            watch.Stop();
            if (index.Current.Measures.Count != count)
                throw new InvalidOperationException($"The index holds {index.Current.Measures.Count} measures, expected {count}.");
            times.Add(watch.Elapsed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  load {run}: {watch.Elapsed.TotalMilliseconds:0} ms"));
        }
        var cpu = IndexCpu.Now() - cpuBefore;
        var after = Memory.Now();
        var payload = index.Current.Measures.Values.Sum(m =>
            2L * (m.Id.Length + m.Title.Length + m.Remark.Length + (m.ImportSnapshot?.Length ?? 0) + m.Version.Length + m.Owners.Sum(o => o.Length)));
        var breakdown = await IndexBreakdown.MeasureAsync(store, measuresTable, index, cancellationToken);

        var sorted = times.Order().ToList();
        var median = sorted[sorted.Count / 2];
        Console.WriteLine();
        Console.WriteLine("| Measures | Runs | Min | Median | Max | Goal | Met |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {count:N0} | {runs} | {sorted[0].TotalMilliseconds:0} ms | {median.TotalMilliseconds:0} ms | {sorted[^1].TotalMilliseconds:0} ms | ≤ {Goal.TotalMilliseconds:0} ms | {(median <= Goal ? "yes" : "no")} (median) |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per load (mean of {runs}): this process {cpu.Self.TotalMilliseconds / runs:0} ms, Azurite (node) {cpu.Children.TotalMilliseconds / runs:0} ms"));
        Console.WriteLine();
        Console.WriteLine("| Memory (after a full GC) | Before first load | After last load |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(Memory.Row("GC heap (live bytes)", before.Live, after.Live));
        Console.WriteLine(Memory.Row("GC heap size", before.HeapSize, after.HeapSize));
        Console.WriteLine(Memory.Row("Working set", before.WorkingSet, after.WorkingSet));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"string payload of the loaded measures (UTF-16: ids, titles, remarks, owners, import snapshots, versions): {payload / 1048576.0:0.0} MiB"));
        Console.WriteLine();
        breakdown.Print();
        return 0;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private sealed record Memory(long Live, long HeapSize, long WorkingSet)
    {
        public static Memory Now()
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            return new Memory(GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().HeapSizeBytes, process.WorkingSet64);
        }

        public static string Row(string name, long before, long after) => string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {before / 1048576.0:0.0} MiB | {after / 1048576.0:0.0} MiB |");
    }
}
