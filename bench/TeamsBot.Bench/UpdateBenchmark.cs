using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Measures.Import;
using TeamsBot.Measures.Storage;
using TeamsBot.Testing;
using TeamsBot.Updates;

namespace TeamsBot.Bench;

/// <summary>
/// Conflicting status updates through /api/messages (Action.Execute invokes) against the real app on Azurite: for each
/// of --measures measures, --submits / --measures forms are drawn from the same version and all are submitted at once
/// (at most --concurrency in flight), plus --duplicates of them a second time (a double click). Then the store is
/// checked: every accepted form has exactly one history row, no history row lacks an accepted form, every other submit
/// got a conflict card (or, for a duplicate of an accepted form, the "already saved" card), and each measure ends at
/// its last history row. Reports invoke latency p50/p95/p99/max. Options: --submits 1000 --measures 10
/// --concurrency 1000 --duplicates 0.1 --timeout 180 (seconds, whole run).
/// </summary>
public sealed class UpdateBenchmark : IBenchmark
{
    private const double GoalP95Ms = 150;
    private const string Plan = "25-juni";
    private const string ConflictMarker = "Noen andre har endret tiltaket";
    private const string AlreadySavedMarker = "Dette skjemaet er allerede lagret";

    public string Name => "updates";

    public string Description => "1,000 concurrent conflicting card submits across 10 measures: lost updates (must be 0) and invoke p50/p95";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var submits = Int(args, "--submits", 1000);
        var measureCount = Int(args, "--measures", 10);
        var concurrency = Int(args, "--concurrency", 1000);
        var duplicateShare = double.Parse(Option(args, "--duplicates", "0.1"), CultureInfo.InvariantCulture);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(Int(args, "--timeout", 180)));
        var ct = bounded.Token;

        var total = Stopwatch.StartNew();
        await using var azurite = new AzuriteFixture();
        await azurite.StartAsync(ct);
        await using var app = await UpdateBenchApp.StartAsync(azurite, ct);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60) })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var client = new UpdateBenchClient(http, "http://127.0.0.1:9/");

        var measures = app.Services.GetRequiredService<MeasureIndex>().Current.InPlan(Plan).Take(measureCount).ToList();
        if (measures.Count < measureCount) throw new InvalidOperationException($"Plan {Plan} has only {measures.Count} measures.");
        var store = app.Services.GetRequiredService<MeasureStore>();
        var historyBefore = new Dictionary<string, int>();
        foreach (var m in measures) historyBefore[m.Id] = await store.GetHistoryAsync(Plan, m.Id, ct).CountAsync(ct);

        // Warm-up (JIT, connections): open every measure's form and refresh its card; not measured.
        var forms = new Dictionary<string, JsonObject>();
        foreach (var m in measures)
        {
            forms[m.Id] = (await client.ExecuteAsync(CardVerbs.EditMeasure, IdsOf(m), 0, ct)).Body["value"]!.AsObject();
            await client.ExecuteAsync(CardVerbs.RefreshMeasure, IdsOf(m), 0, ct);
        }

        // Each submit: a distinct form id and remark, all drawn from the same version per measure; some sent twice.
        var perMeasure = submits / measureCount;
        var planned = new List<BenchSubmit>();
        for (var i = 0; i < measureCount; i++)
            for (var j = 0; j < perMeasure; j++)
            {
                var data = UpdateBenchClient.Fill(forms[measures[i].Id]);
                data["formId"] = Guid.NewGuid().ToString("D");
                data[FormInputs.Remark] = $"Benchmark {measures[i].Id} #{j}: status per uke {j}";
                data[FormInputs.Comment] = $"form {j}";
                planned.Add(new BenchSubmit(measures[i].Id, (string)data["formId"]!, (string)data[FormInputs.Remark]!, data, j % 3 + 1, IsDuplicate: false));
            }
        var random = new Random(20261122);
        var duplicates = planned.OrderBy(_ => random.Next()).Take((int)(planned.Count * duplicateShare))
            .Select(s => s with { IsDuplicate = true }).ToList();
        var all = planned.Concat(duplicates).OrderBy(_ => random.Next()).ToList();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"updates benchmark: {planned.Count} forms over {measureCount} measures ({perMeasure} per measure, all from one version) + {duplicates.Count} duplicate submits, ≤ {concurrency} in flight"));
        Console.WriteLine($"machine: {Machine()}");

        using var gate = new SemaphoreSlim(concurrency);
        var started = Stopwatch.StartNew();
        var results = await Task.WhenAll(all.Select(async s =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var response = await client.ExecuteAsync(CardVerbs.UpdateMeasure, (JsonObject)s.Data.DeepClone(), s.User, ct);
                return (Submit: s, Outcome: Classify(response.Body), response.Milliseconds);
            }
            finally
            {
                gate.Release();
            }
        }));
        var wall = started.Elapsed;

        var report = await VerifyAsync(store, measures, historyBefore, results.Select(r => (r.Submit, r.Outcome)).ToList(), ct);
        var latencies = results.Select(r => r.Milliseconds).Order().ToArray();
        var p50 = Percentile(latencies, 0.50);
        var p95 = Percentile(latencies, 0.95);

        Console.WriteLine();
        Console.WriteLine("| Submits | Accepted | Conflict cards | Already-saved | Errors | Lost updates | Double-applied | Unanswered refusals | Throughput | p50 | p95 | p99 | max |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {results.Length} | {report.Accepted} | {report.Conflicts} | {report.AlreadySaved} | {report.Errors} | {report.Lost} | {report.DoubleApplied} | {report.UnansweredRefusals} | " +
            $"{results.Length / wall.TotalSeconds:0} /s | {p50:0.0} ms | {p95:0.0} ms | {Percentile(latencies, 0.99):0.0} ms | {latencies[^1]:0.0} ms |"));
        Console.WriteLine();
        foreach (var problem in report.Problems.Take(20)) Console.WriteLine("PROBLEM: " + problem);
        var ok = report.Problems.Count == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lost updates: {report.Lost} (goal 0) {(ok ? "OK" : "FAILED")}; invoke p95 {p95:0.0} ms (goal ≤ {GoalP95Ms} ms) {(p95 <= GoalP95Ms ? "met" : "not met")}; " +
            $"submit phase {wall.TotalSeconds:0.0} s, whole run {total.Elapsed.TotalSeconds:0.0} s"));
        return ok ? 0 : 1;
    }

    private static async Task<UpdateBenchReport> VerifyAsync(
        MeasureStore store, IReadOnlyList<Measure> measures, Dictionary<string, int> historyBefore,
        IReadOnlyList<(BenchSubmit Submit, BenchOutcome Outcome)> results, CancellationToken ct)
    {
        var problems = new List<string>();
        var accepted = results.Where(r => r.Outcome == BenchOutcome.Saved).Select(r => r.Submit.FormId).ToHashSet();
        var lost = 0;
        var doubleApplied = 0;
        foreach (var measure in measures)
        {
            var history = await store.GetHistoryAsync(Plan, measure.Id, ct).ToListAsync(ct);
            var fromBench = history.Take(history.Count - historyBefore[measure.Id]).ToList();
            var rowsByRemark = fromBench.GroupBy(h => h.Changes.FirstOrDefault(c => c.Field == "remark")?.New ?? "")
                .ToDictionary(g => g.Key, g => g.Count());
            var forms = results.Where(r => r.Submit.MeasureId == measure.Id).Select(r => r.Submit).DistinctBy(s => s.FormId).ToList();
            foreach (var form in forms)
            {
                var rows = rowsByRemark.GetValueOrDefault(form.Remark);
                if (accepted.Contains(form.FormId) && rows != 1)
                {
                    if (rows == 0) lost++; else doubleApplied++;
                    problems.Add($"{measure.Id}: accepted form {form.FormId} has {rows} history rows");
                }
                if (!accepted.Contains(form.FormId) && rows != 0)
                    problems.Add($"{measure.Id}: form {form.FormId} was not answered as saved but has {rows} history row(s)");
            }
            if (fromBench.Count != forms.Count(f => accepted.Contains(f.FormId)))
                problems.Add($"{measure.Id}: {fromBench.Count} history rows for {forms.Count(f => accepted.Contains(f.FormId))} accepted forms");
            var current = await store.GetMeasureAsync(Plan, measure.Id, ct);
            var last = fromBench.FirstOrDefault()?.Changes.FirstOrDefault(c => c.Field == "remark")?.New;
            if (last is not null && current?.Remark != last)
                problems.Add($"{measure.Id}: the measure's remark is not its newest history row's");
        }

        // A refusal must be answered: a conflict card, or "already saved" for the second copy of an accepted form.
        var unanswered = results.Count(r => r.Outcome is BenchOutcome.Error ||
                                            (r.Outcome == BenchOutcome.AlreadySaved && !accepted.Contains(r.Submit.FormId)));
        if (unanswered > 0) problems.Add($"{unanswered} submits got neither a saved, a conflict nor a correct already-saved answer");
        return new UpdateBenchReport(
            results.Count(r => r.Outcome == BenchOutcome.Saved),
            results.Count(r => r.Outcome == BenchOutcome.Conflict),
            results.Count(r => r.Outcome == BenchOutcome.AlreadySaved),
            results.Count(r => r.Outcome == BenchOutcome.Error),
            lost, doubleApplied, unanswered, problems);
    }

    private static BenchOutcome Classify(JsonObject body)
    {
        if ((string?)body["type"] != "application/vnd.microsoft.card.adaptive") return BenchOutcome.Error;
        var json = body["value"]!.ToJsonString();
        if (json.Contains(ConflictMarker, StringComparison.Ordinal)) return BenchOutcome.Conflict;
        if (json.Contains(AlreadySavedMarker, StringComparison.Ordinal)) return BenchOutcome.AlreadySaved;
        return json.Contains("\"verb\":\"measure.refresh\"", StringComparison.Ordinal) && !json.Contains("Input.Text", StringComparison.Ordinal)
            ? BenchOutcome.Saved
            : BenchOutcome.Error;
    }

    private static JsonObject IdsOf(Measure m) => new() { ["planId"] = m.PlanId, ["measureId"] = m.Id };

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} logical CPUs ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    private static int Int(string[] args, string name, int fallback) => int.Parse(Option(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}

internal enum BenchOutcome { Saved, Conflict, AlreadySaved, Error }

internal sealed record BenchSubmit(string MeasureId, string FormId, string Remark, JsonObject Data, int User, bool IsDuplicate);

internal sealed record UpdateBenchReport(
    int Accepted, int Conflicts, int AlreadySaved, int Errors, int Lost, int DoubleApplied, int UnansweredRefusals, IReadOnlyList<string> Problems);

/// <summary>The real app (development mode: no roles, everyone may edit) on Azurite with the seed plans imported.</summary>
internal sealed class UpdateBenchApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private UpdateBenchApp(WebApplication app) => _app = app;

    public Uri BaseAddress => new(LoopbackHost.Address(_app));
    public IServiceProvider Services => _app.Services;

    public static async Task<UpdateBenchApp> StartAsync(AzuriteFixture azurite, CancellationToken ct)
    {
        var app = TeamsBotApplication.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:TablePrefix"] = AzuriteFixture.NewTableName("upd")[..12],
                ["Logging:LogLevel:Default"] = "Error",
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync(ct);
        await app.Services.GetRequiredService<PlanImporter>().ImportAsync([Path.Combine(RepoPaths.Root, "data", "plans")], ct);
        var index = app.Services.GetRequiredService<MeasureIndex>();
        for (var waited = 0; !index.IsLoaded && waited < 200; waited++) await Task.Delay(50, ct);
        return new UpdateBenchApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Posts adaptiveCard/action invokes as Teams does and times each round trip.</summary>
internal sealed class UpdateBenchClient(HttpClient http, string serviceUrl)
{
    public async Task<(JsonObject Body, double Milliseconds)> ExecuteAsync(string verb, JsonObject data, int user, CancellationToken ct)
    {
        var activity = new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["locale"] = "nb-NO",
            ["from"] = new JsonObject { ["id"] = $"29:bench-user-{user}", ["name"] = $"Bruker {user}", ["aadObjectId"] = $"00000000-0000-0000-0000-{user:D12}" },
            ["recipient"] = new JsonObject { ["id"] = "28:teamsbot", ["name"] = "TeamsBot" },
            ["conversation"] = new JsonObject { ["id"] = $"a:bench-{user}", ["conversationType"] = "personal" },
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            },
        };
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync("/api/messages", activity, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (response.IsSuccessStatusCode ? JsonNode.Parse(body)?.AsObject() ?? [] : new JsonObject { ["status"] = (int)response.StatusCode }, elapsed);
    }

    /// <summary>A form's save data merged with its inputs' values, as a client sends it.</summary>
    public static JsonObject Fill(JsonObject form)
    {
        var save = form["actions"]!.AsArray().OfType<JsonObject>().First(a => (string?)a["verb"] == CardVerbs.UpdateMeasure);
        var data = save["data"]!.DeepClone().AsObject();
        foreach (var input in Inputs(form)) data[(string)input["id"]!] = input["value"]?.DeepClone() ?? "";
        return data;
    }

    private static IEnumerable<JsonObject> Inputs(JsonNode? node) => node switch
    {
        JsonObject o when ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true => [o],
        JsonObject o => o.SelectMany(p => Inputs(p.Value)),
        JsonArray a => a.SelectMany(Inputs),
        _ => [],
    };
}
