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
/// Side by side in one run, same load, same loopback connector, load generator on the same cores: Microsoft's botbuilder
/// for JavaScript (bench/peer/botbuilder-bot.js: CloudAdapter, a fixed text per message), our app answering measure
/// lookups with their card (search + card), and the bare ASP.NET Core floor (ProtocolFloor). Each endpoint runs in its own
/// process. Closed loop at 1/16/64 concurrent conversations, a new conversation and tenant per message. Our app is run
/// on the seed plans, then on 10,000 generated measures plus the seed plans; botbuilder and the floor are measured
/// again beside it each time. Segments ours, peer, floor, floor, peer, ours per level, so drift hits all alike.
/// Options: --concurrency 1,16,64 --warmup 1 --seconds 4 (per segment; two per side and level) --measures 10000 --plans 20
/// --datasets seed,10k --message TEXT (every side gets TEXT instead of the lookups, e.g. "hjelp": the protocol path alone).
/// </summary>
public sealed class PeerBenchmark : IBenchmark
{
    private const double GoalThroughputRatio = 5;

    /// <summary>Lookups that each answer with one measure's card (checked before the run).</summary>
    private static readonly IReadOnlyList<(string Text, string Locale)> Lookups =
    [
        ("status for PLIVO", "nb-NO"),
        ("risikovurderingsverktøy", "nb-NO"),
        ("status of the risk assessment tool", "en-US"),
        ("status risikovurderingsverktoy", "nb-NO"),
    ];

    public string Name => "peer";

    public string Description => "Microsoft's botbuilder (JS) vs our full answers vs the bare floor, side by side, 1/16/64 conversations";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var levels = Option(args, "--concurrency", "1,16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var warmup = TimeSpan.FromSeconds(double.Parse(Option(args, "--warmup", "1"), CultureInfo.InvariantCulture));
        var seconds = TimeSpan.FromSeconds(double.Parse(Option(args, "--seconds", "4"), CultureInfo.InvariantCulture));
        var count = int.Parse(Option(args, "--measures", "10000"), CultureInfo.InvariantCulture);
        var planCount = int.Parse(Option(args, "--plans", "20"), CultureInfo.InvariantCulture);
        var datasets = Option(args, "--datasets", "seed,10k").Split(',');
        // --message TEXT: every side gets TEXT instead of the lookups (e.g. "hjelp", to tell the protocol path from the answer).
        var message = Option(args, "--message", "");
        var messages = message.Length > 0 ? [(message, "nb-NO")] : Lookups;

        var total = Stopwatch.StartNew();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peer benchmark: concurrency {string.Join('/', levels)}, {warmup.TotalSeconds:0.#} s warm-up + {seconds.TotalSeconds:0.#} s measured per segment, " +
            $"order ours/peer/floor/floor/peer/ours; nproc {Environment.ProcessorCount}, load average {LoadAverage()}"));
        await using var azurite = new AzuriteFixture();
        await azurite.StartAsync(cancellationToken);
        await using var connector = await LoopbackConnector.StartAsync(new LoopbackConnectorOptions { KeepRequests = false }, cancellationToken);
        await using var peer = await BotbuilderPeerProcess.StartAsync(cancellationToken);
        await using var floor = await ChatChild.StartAsync(["floor"], serverGc: true, cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromSeconds(20) };
        var driver = new PeerDriver(http, connector, Guid.NewGuid().ToString("N")[..8], messages);

        var failed = false;
        foreach (var dataset in datasets)
        {
            var prefix = AzuriteFixture.NewTableName("peer")[..12];
            var generated = dataset == "10k" ? count : 0;
            var (measures, seeding) = await SeedAsync(azurite, prefix, generated, planCount, cancellationToken);
            await using var ours = await ChatChild.StartAsync(
                ["app", "--connection", azurite.ConnectionString, "--prefix", prefix, "--expect", measures.ToString(CultureInfo.InvariantCulture)],
                serverGc: true, cancellationToken);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"## {measures:N0} measures ({(generated > 0 ? $"{generated:N0} generated in {planCount} plans + " : "")}the seed plans), seeded in {seeding.TotalSeconds:0.0} s; load average {LoadAverage()}"));
            if (message.Length == 0) await CheckAnswersAsync(http, connector, ours.MessagesUrl, cancellationToken);

            var sides = new (string Name, Uri Url, Func<TimeSpan> Cpu)[]
            {
                ("ours", ours.MessagesUrl, () => ours.Cpu), ("botbuilder", peer.MessagesUrl, () => peer.Cpu), ("floor", floor.MessagesUrl, () => floor.Cpu),
            };
            foreach (var side in sides) // JIT, connections, caches; not recorded
                await driver.RunAsync(side.Url, side.Name, 16, TimeSpan.FromSeconds(2), TimeSpan.Zero, cancellationToken);

            var rows = new List<(int Level, string Side, ProtocolStats Stats, double ServerCpu)>();
            foreach (var level in levels)
            {
                var segments = sides.ToDictionary(s => s.Name, _ => new List<ProtocolSegment>());
                var cpu = sides.ToDictionary(s => s.Name, _ => TimeSpan.Zero);
                foreach (var side in sides.Concat(sides.Reverse()))
                {
                    var cpuFrom = side.Cpu();
                    segments[side.Name].Add(await driver.RunAsync(side.Url, side.Name, level, warmup, seconds, cancellationToken));
                    cpu[side.Name] += side.Cpu() - cpuFrom;
                }
                foreach (var side in sides)
                {
                    var stats = ProtocolStats.Of(segments[side.Name]);
                    rows.Add((level, side.Name, stats, cpu[side.Name].TotalMicroseconds / Math.Max(1, stats.Count)));
                }
            }
            failed |= Print(rows, levels);
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load average {LoadAverage()}; unmatched replies at the connector: {connector.Unawaited}; total time {total.Elapsed.TotalSeconds:0} s"));
        return failed ? 1 : 0;
    }

    /// <summary>Prints one data set's table and the goal check; true when the goal is missed.</summary>
    private static bool Print(List<(int Level, string Side, ProtocolStats Stats, double ServerCpu)> rows, int[] levels)
    {
        Console.WriteLine();
        Console.WriteLine("| Conversations | Endpoint | Replies | Throughput | p50 | p95 | p99 | Server CPU per reply | Errors/timeouts |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (level, side, s, cpu) in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {level} | {side} | {s.Count} | {s.Throughput:0} /s | {s.P50:0.00} ms | {s.P95:0.00} ms | {s.P99:0.00} ms | {cpu:0} µs | {s.Errors}/{s.Timeouts} |"));
        Console.WriteLine();
        Console.WriteLine("| Conversations | Throughput ours/botbuilder | p95 ours/botbuilder | Throughput floor/botbuilder | Goal (≥ 5× and lower p95) |");
        Console.WriteLine("|---:|---:|---:|---:|---|");
        var missed = false;
        foreach (var level in levels)
        {
            var o = rows.Single(r => r.Level == level && r.Side == "ours").Stats;
            var p = rows.Single(r => r.Level == level && r.Side == "botbuilder").Stats;
            var f = rows.Single(r => r.Level == level && r.Side == "floor").Stats;
            var met = o.Throughput >= GoalThroughputRatio * p.Throughput && o.P95 < p.P95 && o.Errors + o.Timeouts == 0;
            missed |= !met;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {level} | {o.Throughput / p.Throughput:0.00}× | {o.P95 / p.P95:0.00}× | {f.Throughput / p.Throughput:0.00}× | {(met ? "met" : "NOT met")} |"));
        }
        return missed;
    }

    /// <summary>Each lookup once: ours must answer it with a card (an attachment), or the run measures the wrong thing.</summary>
    private static async Task CheckAnswersAsync(HttpClient http, LoopbackConnector connector, Uri ours, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Lookups.Count; i++)
        {
            var (text, locale) = Lookups[i];
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(20));
            var conversation = $"a:peer-check-{Guid.NewGuid():N}";
            var reply = connector.WaitForReplyAsync(conversation, "check", wait.Token);
            var activity = TeamsActivities.Message(connector.ServiceUrl, text, conversation, locale, id: "check");
            using var content = new ByteArrayContent(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(activity));
            content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            using var response = await http.PostAsync(ours, content, cancellationToken);
            response.EnsureSuccessStatusCode();
            var answer = await reply;
            var card = answer.Body?["attachments"]?[0]?["contentType"]?.ToString();
            if (card != "application/vnd.microsoft.card.adaptive")
                throw new InvalidOperationException($"'{text}' was not answered with a card: {answer.RawBody[..Math.Min(300, answer.RawBody.Length)]}");
        }
        Console.WriteLine($"checked: each of the {Lookups.Count} lookups is answered with one Adaptive Card");
    }

    /// <summary>data/plans through the importer, after <paramref name="generated"/> generated measures (the index benchmark's data).</summary>
    private static async Task<(int Measures, TimeSpan Took)> SeedAsync(AzuriteFixture azurite, string prefix, int generated, int planCount, CancellationToken cancellationToken)
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
        var watch = Stopwatch.StartNew();
        var store = app.Services.GetRequiredService<MeasureStore>();
        if (generated > 0) await IndexSeeder.SeedGeneratedAsync(store, generated, planCount, "batch", cancellationToken);
        else await store.EnsureTablesAsync(cancellationToken);
        var report = await app.Services.GetRequiredService<PlanImporter>().ImportAsync([Path.Combine(RepoPaths.Root, "data", "plans")], cancellationToken);
        if (report.Problems.Count > 0) throw new InvalidOperationException("Importing data/plans failed: " + string.Join("; ", report.Problems));
        return (generated + report.MeasuresCreated, watch.Elapsed);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
