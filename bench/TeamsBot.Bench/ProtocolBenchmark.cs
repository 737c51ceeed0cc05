using System.Diagnostics;
using System.Globalization;
using TeamsBot.Testing;

namespace TeamsBot.Bench;

/// <summary>
/// POST /api/messages "hjelp" → reply at a loopback connector: the real app (development mode, Azurite) against a bare
/// minimal-API floor, at 1, 16 and 64 concurrent virtual users. Segments run floor, ours, ours, floor at each level so
/// drift hits both sides alike. Options: --users 1,16,64 --rate 40 (activities/s per user) --conversations 40 (per user)
/// --warmup 1 --seconds 4 (per segment; each side gets two segments per level);
/// --breakdown instead times the stages inside the real app at 16 users (or at the single --users level given).
/// </summary>
public sealed class ProtocolBenchmark : IBenchmark
{
    private const double GoalRatio = 1.3;
    private const int GoalUsers = 16;

    public string Name => "protocol";

    public string Description => "/api/messages → reply at a loopback connector: the real app vs a bare minimal-API floor (p50/p95/p99)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var users = Option(args, "--users", "1,16,64").Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture)).ToArray();
        var rate = double.Parse(Option(args, "--rate", "40"), CultureInfo.InvariantCulture);
        var conversations = int.Parse(Option(args, "--conversations", "40"), CultureInfo.InvariantCulture);
        var warmup = TimeSpan.FromSeconds(double.Parse(Option(args, "--warmup", "1"), CultureInfo.InvariantCulture));
        var seconds = TimeSpan.FromSeconds(double.Parse(Option(args, "--seconds", "4"), CultureInfo.InvariantCulture));
        var breakdown = args.Contains("--breakdown") ? new ProtocolBreakdown() : null;

        var total = Stopwatch.StartNew();
        await using var azurite = new AzuriteFixture();
        await azurite.StartAsync(cancellationToken);
        await using var connector = await LoopbackConnector.StartAsync(new LoopbackConnectorOptions { KeepRequests = false }, cancellationToken);
        await using var floor = await ProtocolFloor.StartAsync(cancellationToken);
        await using var ours = await ProtocolApp.StartAsync(azurite, breakdown, cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromSeconds(20) };
        var driver = new ProtocolDriver(http, connector, Guid.NewGuid().ToString("N")[..8], breakdown);
        var sides = new[] { ("floor", floor.MessagesUrl), ("ours", ours.MessagesUrl) };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"protocol benchmark: users {string.Join('/', users)}, ≤ {rate} activities/s per user over {conversations} conversations each " +
            $"(≤ {rate / conversations:0.##}/s per conversation), segments of {warmup.TotalSeconds:0.#} s warm-up + {seconds.TotalSeconds:0.#} s measured, order floor/ours/ours/floor"));
        Console.WriteLine($"ours {ours.MessagesUrl}, floor {floor.MessagesUrl}, connector {connector.ServiceUrl}, Azurite {azurite.TableEndpoint}");

        // JIT and connection warm-up for both sides, not recorded.
        foreach (var (side, url) in sides)
            await driver.RunAsync(url, side, new ProtocolLoad(GoalUsers, rate, conversations, TimeSpan.FromSeconds(3), TimeSpan.Zero), cancellationToken);

        if (breakdown is not null)
        {
            // Only ours, instrumented, at the goal's concurrency (or the one --users level given): where its time goes.
            var breakdownUsers = users.Length == 1 ? users[0] : GoalUsers;
            await driver.RunAsync(ours.MessagesUrl, "ours", new ProtocolLoad(breakdownUsers, rate, conversations, warmup, seconds * 2), cancellationToken);
            Console.WriteLine();
            Console.WriteLine($"breakdown at {breakdownUsers} users:");
            Console.WriteLine();
            breakdown.Print();
            return 0;
        }

        var rows = new List<(int Users, string Side, ProtocolStats Stats)>();
        foreach (var n in users)
        {
            var load = new ProtocolLoad(n, rate, conversations, warmup, seconds);
            var segments = new Dictionary<string, List<ProtocolSegment>> { ["floor"] = [], ["ours"] = [] };
            foreach (var (side, url) in new[] { sides[0], sides[1], sides[1], sides[0] })
                segments[side].Add(await driver.RunAsync(url, side, load, cancellationToken));
            foreach (var (side, _) in sides) rows.Add((n, side, ProtocolStats.Of(segments[side])));
        }

        Console.WriteLine();
        Console.WriteLine("| Users | Endpoint | Replies | Throughput | p50 | p95 | p99 | max | CPU per reply | Errors/timeouts |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (n, side, s) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {n} | {side} | {s.Count} | {s.Throughput:0} /s | {s.P50:0.00} ms | {s.P95:0.00} ms | {s.P99:0.00} ms | {s.Max:0.00} ms | {s.CpuMicrosecondsPerReply:0} µs | {s.Errors}/{s.Timeouts} |"));
        }
        Console.WriteLine();
        Console.WriteLine("| Users | p50 ours/floor | p95 ours/floor | p99 ours/floor |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var n in users)
        {
            var f = rows.Single(r => r.Users == n && r.Side == "floor").Stats;
            var o = rows.Single(r => r.Users == n && r.Side == "ours").Stats;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n} | {o.P50 / f.P50:0.00}× | {o.P95 / f.P95:0.00}× | {o.P99 / f.P99:0.00}× |"));
        }
        if (users.Contains(GoalUsers))
        {
            var ratio = rows.Single(r => r.Users == GoalUsers && r.Side == "ours").Stats.P95 / rows.Single(r => r.Users == GoalUsers && r.Side == "floor").Stats.P95;
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"goal: p95 ours ≤ {GoalRatio}× floor at {GoalUsers} users: {ratio:0.00}× — {(ratio <= GoalRatio ? "met" : "NOT met")}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"unmatched replies at the connector: {connector.Unawaited}; total time {total.Elapsed.TotalSeconds:0} s"));
        return 0;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
