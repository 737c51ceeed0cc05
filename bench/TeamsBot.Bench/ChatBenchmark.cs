using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeamsBot.Measures.Import;
using TeamsBot.Measures.Storage;
using TeamsBot.Testing;

namespace TeamsBot.Bench;

/// <summary>
/// Question → answer through /api/messages: the real app with 10,000 generated measures (the index benchmark's data)
/// plus the seed plans of data/plans, against the protocol benchmark's floor, each endpoint in its own child process
/// (so the app's memory is its own), replies at a loopback connector in this process. Segments floor, ours, ours,
/// floor per level. Options: --users 1,32 --rate 10 (questions/s per user) --conversations 4 (per user) --seconds 4
/// --measures 10000 --plans 20 --gc workstation|server (default: as the app's project file sets it, workstation);
/// --no-poll sets the app's Index:RefreshInterval to 1 h (no index refresh during the run); --default-skew keeps the app's 2 min MeasureIndex:ClockSkewAllowance (by default 1 s here: see ChatHost);
/// --skip TEXT leaves one question out of the mix;
/// --per-question instead answers each question in process, one at a time, and prints its time and allocations
/// (--runs 20 per question, --only TEXT for one question of the mix, e.g. under a profiler).
/// </summary>
public sealed class ChatBenchmark : IBenchmark
{
    private const double GoalRatio = 1.5;
    private const int GoalUsers = 32;
    private const double GoalRssMiB = 200;

    public string Name => "chat";

    public string Description => "Chat question → answer card at a loopback connector, real app with 10,000 measures vs the floor; memory (RSS)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Contains("--host")) return await ChatHost.RunAsync(args, cancellationToken);

        var users = Option(args, "--users", "1,32").Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture)).ToArray();
        var rate = double.Parse(Option(args, "--rate", "10"), CultureInfo.InvariantCulture);
        var conversations = int.Parse(Option(args, "--conversations", "4"), CultureInfo.InvariantCulture);
        var seconds = TimeSpan.FromSeconds(double.Parse(Option(args, "--seconds", "4"), CultureInfo.InvariantCulture));
        var count = int.Parse(Option(args, "--measures", "10000"), CultureInfo.InvariantCulture);
        var planCount = int.Parse(Option(args, "--plans", "20"), CultureInfo.InvariantCulture);
        var serverGc = Option(args, "--gc", "workstation") == "server";

        var total = Stopwatch.StartNew();
        await using var azurite = new AzuriteFixture();
        await azurite.StartAsync(cancellationToken);
        var prefix = AzuriteFixture.NewTableName("chat")[..12];
        var (expected, seeding) = await SeedAsync(azurite, prefix, count, planCount, args.Contains("--per-question") ? args : null, cancellationToken);
        if (args.Contains("--per-question")) return 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chat benchmark: {expected:N0} measures ({count:N0} generated in {planCount} plans + seed plans), seeded in {seeding.TotalSeconds:0.0} s; " +
            $"users {string.Join('/', users)}, ≤ {rate} questions/s per user over {conversations} conversations each, {seconds.TotalSeconds:0.#} s per segment, {(serverGc ? "server" : "workstation")} GC"));

        await using var connector = await LoopbackConnector.StartAsync(new LoopbackConnectorOptions { KeepRequests = false }, cancellationToken);
        await using var floor = await ChatChild.StartAsync(["floor"], serverGc, cancellationToken);
        var started = Stopwatch.StartNew();
        string[] appArgs = ["app", "--connection", azurite.ConnectionString, "--prefix", prefix, "--expect", expected.ToString(CultureInfo.InvariantCulture)];
        await using var ours = await ChatChild.StartAsync([.. appArgs, .. args.Where(a => a is "--default-skew" or "--no-poll")], serverGc, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"app ready (index loaded, search index built) {started.Elapsed.TotalSeconds:0.0} s after start"));
        var memoryReady = await ours.MemoryAsync(cancellationToken);

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromSeconds(20) };
        var driver = new ProtocolDriver(http, connector, Guid.NewGuid().ToString("N")[..8], messages: ChatQuestions.Without(args.Contains("--skip") ? Option(args, "--skip", "") : null));
        var sides = new[] { ("floor", floor), ("ours", ours) };
        foreach (var (side, child) in sides) // JIT, connections, caches; not recorded
            await driver.RunAsync(child.MessagesUrl, side, new ProtocolLoad(8, rate, conversations, TimeSpan.FromSeconds(3), TimeSpan.Zero), cancellationToken);

        var rows = new List<(int Users, string Side, ProtocolStats Stats, double ServerCpuPerReply, double StorageCpuPerReply)>();
        foreach (var n in users)
        {
            var load = new ProtocolLoad(n, rate, conversations, TimeSpan.Zero, seconds);
            var segments = new Dictionary<string, List<ProtocolSegment>> { ["floor"] = [], ["ours"] = [] };
            var serverCpu = new Dictionary<string, TimeSpan> { ["floor"] = TimeSpan.Zero, ["ours"] = TimeSpan.Zero };
            var storageCpu = new Dictionary<string, TimeSpan> { ["floor"] = TimeSpan.Zero, ["ours"] = TimeSpan.Zero };
            foreach (var (side, child) in new[] { sides[0], sides[1], sides[1], sides[0] })
            {
                var (cpuFrom, storageFrom) = (child.Cpu, ChildCpu.Of("node"));
                segments[side].Add(await driver.RunAsync(child.MessagesUrl, side, load, cancellationToken));
                serverCpu[side] += child.Cpu - cpuFrom;
                storageCpu[side] += ChildCpu.Of("node") - storageFrom;
            }
            foreach (var (side, _) in sides)
            {
                var stats = ProtocolStats.Of(segments[side]);
                rows.Add((n, side, stats, serverCpu[side].TotalMicroseconds / stats.Count, storageCpu[side].TotalMicroseconds / stats.Count));
            }
        }
        var memoryAfter = await ours.MemoryAsync(cancellationToken);

        Console.WriteLine();
        Console.WriteLine("| Users | Endpoint | Replies | Throughput | p50 | p95 | p99 | max | Server CPU per reply | Azurite CPU per reply | Driver+connector CPU per reply | Errors/timeouts |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (n, side, s, cpu, storage) in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {n} | {side} | {s.Count} | {s.Throughput:0} /s | {s.P50:0.00} ms | {s.P95:0.00} ms | {s.P99:0.00} ms | {s.Max:0.00} ms | {cpu:0} µs | {storage:0} µs | {s.CpuMicrosecondsPerReply:0} µs | {s.Errors}/{s.Timeouts} |"));
        Console.WriteLine();
        Console.WriteLine("| Users | p50 ours/floor | p95 ours/floor | p99 ours/floor |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var n in users)
        {
            var f = rows.Single(r => r.Users == n && r.Side == "floor").Stats;
            var o = rows.Single(r => r.Users == n && r.Side == "ours").Stats;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n} | {o.P50 / f.P50:0.00}× | {o.P95 / f.P95:0.00}× | {o.P99 / f.P99:0.00}× |"));
        }

        Console.WriteLine();
        Console.WriteLine("| App process memory (after a full GC) | Ready (index + search index built) | After the measured traffic |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(MemoryRow("RSS (working set)", memoryReady.WorkingSet, memoryAfter.WorkingSet));
        Console.WriteLine(MemoryRow("GC heap size", memoryReady.GcHeapSize, memoryAfter.GcHeapSize));
        Console.WriteLine(MemoryRow("GC live bytes", memoryReady.Live, memoryAfter.Live));

        Console.WriteLine();
        if (users.Contains(GoalUsers))
        {
            var ratio = rows.Single(r => r.Users == GoalUsers && r.Side == "ours").Stats.P95 / rows.Single(r => r.Users == GoalUsers && r.Side == "floor").Stats.P95;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"goal: p95 ours ≤ {GoalRatio}× floor at {GoalUsers} users: {ratio:0.00}× — {(ratio <= GoalRatio ? "met" : "NOT met")}"));
        }
        var rss = Math.Max(memoryReady.WorkingSet, memoryAfter.WorkingSet) / 1048576.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"goal: RSS ≤ {GoalRssMiB} MiB with {expected:N0} measures: {rss:0.0} MiB — {(rss <= GoalRssMiB ? "met" : "NOT met")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"unmatched replies at the connector: {connector.Unawaited}; total time {total.Elapsed.TotalSeconds:0} s"));
        return 0;
    }

    /// <summary>The generated measures (as the index benchmark seeds them) plus data/plans through the importer; returns the measure count.</summary>
    private static async Task<(int Measures, TimeSpan Took)> SeedAsync(AzuriteFixture azurite, string prefix, int count, int planCount, string[]? profileArgs, CancellationToken cancellationToken)
    {
        var app = TeamsBotApplication.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:TablePrefix"] = prefix,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await using var _ = app;
        var store = app.Services.GetRequiredService<MeasureStore>();
        var watch = Stopwatch.StartNew();
        await IndexSeeder.SeedGeneratedAsync(store, count, planCount, "batch", cancellationToken);
        var report = await app.Services.GetRequiredService<PlanImporter>().ImportAsync([PlansDirectory()], cancellationToken);
        if (report.Problems.Count > 0) throw new InvalidOperationException("Importing data/plans failed: " + string.Join("; ", report.Problems));
        var took = watch.Elapsed;
        if (profileArgs is not null) await ChatProfile.PrintAsync(app.Services, profileArgs, cancellationToken);
        return (count + report.MeasuresCreated, took);
    }

    private static string PlansDirectory()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "data", "plans"))) return Path.Combine(dir.FullName, "data", "plans");
        throw new DirectoryNotFoundException("data/plans not found above the current directory (run from the repository).");
    }

    private static string MemoryRow(string name, long ready, long after) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {ready / 1048576.0:0.0} MiB | {after / 1048576.0:0.0} MiB |");

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
