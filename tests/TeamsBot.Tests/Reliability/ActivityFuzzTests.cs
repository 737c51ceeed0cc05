using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Reliability.Fuzz;
using Xunit.Abstractions;

namespace TeamsBot.Tests.Reliability;

/// <summary>
/// Mutated activities of every real shape through /api/messages of the real service (Development environment, where a
/// failure used to show ASP.NET Core's error page; Azurite; the seed plans; the loopback connector). Seeded and
/// deterministic: FUZZ_SEED picks the run, FUZZ_COUNT its size, FUZZ_CASE reruns one case. See docs/reliability.md.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActivityFuzzTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    public const int DefaultSeed = 20261202;
    public const int DefaultCount = 10_000;
    private const int Parallelism = 8;
    // ChatContexts: an answered message keeps its conversation's chat context (the row names the conversation, so the case).
    private static readonly string[] TablesAcceptedRequestsMayWrite =
        ["Conversations", "DigestSubscriptions", "DigestRuns", TeamsBot.Chat.Memory.ConversationContextStore.TableName];

    // Written by the instance on a timer, whatever arrives: each instance's heartbeat for the shared tenant budget.
    private static readonly string[] TablesWrittenByTime = [TeamsBot.Throttling.TableTenantBudgetStore.TableName];

    private sealed record Outcome(FuzzCase Case, int Status, string? Problem);

    [Fact]
    public async Task Ten_thousand_mutated_activities_get_no_5xx_no_stack_trace_a_reason_for_each_refusal_no_failed_turn_and_refused_ones_change_no_stored_row()
    {
        var seed = Setting("FUZZ_SEED", DefaultSeed);
        var count = Setting("FUZZ_COUNT", DefaultCount);
        var only = Environment.GetEnvironmentVariable("FUZZ_CASE") is { Length: > 0 } one ? int.Parse(one, CultureInfo.InvariantCulture) : (int?)null;
        output.WriteLine($"Fuzz seed {seed}, {count} cases{(only is null ? "" : $", only case {only}")} (FUZZ_SEED, FUZZ_COUNT, FUZZ_CASE)");

        await using var app = await ReliabilityApp.StartAsync(azurite, new Dictionary<string, string?>
        {
            // The fuzz is about shapes, not Teams' rate limits (tested elsewhere): do not let 50/s per tenant pace it.
            ["BotConnector:PerTenantPerSecond"] = "1000000",
            ["BotConnector:PerConversationPerSecond"] = "1000000",
            ["BotConnector:PerConversationPer30Seconds"] = "1000000",
            ["BotConnector:MaxAttempts"] = "3",
            ["BotConnector:AttemptTimeout"] = "00:00:05",
        }, development: true);
        var grammar = new ActivityGrammar(app.Connector.ServiceUrl, app.Measures);
        var before = await StoreSnapshot.TakeAsync(azurite, app.App.TablePrefix);

        var outcomes = new ConcurrentDictionary<int, Outcome>();
        var watch = Stopwatch.StartNew();
        var indices = only is { } single ? [single] : Enumerable.Range(0, count);
        await Parallel.ForEachAsync(indices, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (index, _) =>
        {
            var fuzzCase = FuzzCase.Create(seed, index, grammar, ReliabilityApp.InboundToken);
            var (status, problem) = await SendAsync(app, fuzzCase.Body, fuzzCase.Authorization);
            outcomes[index] = new Outcome(fuzzCase, status, problem);
        });
        watch.Stop();

        var byStatus = outcomes.Values.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine($"{outcomes.Count} activities in {watch.Elapsed.TotalSeconds:0.0} s ({outcomes.Count / watch.Elapsed.TotalSeconds:0} per s): {string.Join(", ", byStatus)}");
        output.WriteLine($"Connector requests: {app.Connector.Requests.Count}");

        if (only is { } rerun)
            output.WriteLine($"{outcomes[rerun].Case}: {outcomes[rerun].Status}\n{FuzzCase.Readable(outcomes[rerun].Case.Body)}");
        var failures = outcomes.Values.Where(o => o.Problem is not null).OrderBy(o => o.Case.Index).ToList();
        if (failures.Count > 0) Assert.Fail(await ReportAsync(app, seed, failures));

        // Still alive and answering.
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("/healthz")).StatusCode);
        var question = TeamsActivities.Message(app.Connector.ServiceUrl, "hjelp", "a:after-the-fuzz", id: "after-the-fuzz");
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reply = app.Connector.WaitForReplyAsync("a:after-the-fuzz", "after-the-fuzz", wait.Token);
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(Encoding.UTF8.GetBytes(question.ToJsonString()))).StatusCode);
        await reply;

        // Stopping waits for turns still running in the background; then every change must belong to an accepted request.
        await app.App.App.StopAsync();
        var after = await StoreSnapshot.TakeAsync(azurite, app.App.TablePrefix);
        var changes = before.ChangesTo(after);
        output.WriteLine($"Stored rows: {before.Count} before, {after.Count} after, {changes.Count} changed");
        var unexplained = changes.Where(c => !TablesWrittenByTime.Contains(c.Row.Table))
            .Select(c => Unexplained(c, outcomes)).OfType<string>().ToList();
        Assert.True(unexplained.Count == 0, $"Seed {seed}: rows changed that no accepted request explains:\n{string.Join("\n", unexplained.Take(20))}");

        output.WriteLine($"Log lines scanned: {app.Logs.Entries.Count}");
        foreach (var group in app.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning)
                     .GroupBy(e => $"{e.Level} {e.Category} {e.Exception?.GetType().Name}").OrderByDescending(g => g.Count()).Take(12))
            output.WriteLine($"  {group.Count()} × {group.Key}");

        // An accepted activity whose turn threw left its user without an answer: every one must be handled.
        var errors = app.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, $"Seed {seed}: {errors.Count} error(s) logged, e.g.\n" + string.Join("\n", errors.Take(5).Select(e =>
            $"{e.Category}: {e.Exception?.GetType().Name}: {e.Exception?.Message} in " +
            string.Join(", ", FuzzMarkers.CasesIn(e.Message).Distinct().Select(i => outcomes.TryGetValue(i, out var o) ? o.Case.ToString() : $"case {i}")))));
        LogScan.AssertClean(app.Logs.Entries, ReliabilityApp.Secrets, ["kanari"]);
        Assert.Equal(only is null ? count : 1, outcomes.Count);
    }

    private static async Task<(int Status, string? Problem)> SendAsync(ReliabilityApp app, byte[] body, string? authorization)
    {
        try
        {
            using var response = await app.PostAsync(body, authorization);
            var text = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, FuzzOracle.Judge((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), text));
        }
        catch (HttpRequestException e)
        {
            return (0, $"no answer ({e.HttpRequestError})");
        }
        catch (TaskCanceledException)
        {
            return (0, "no answer within 60 s");
        }
    }

    /// <summary>Why a changed row is not explained, or null when every case it names was accepted and its table may be written.</summary>
    private static string? Unexplained(RowChange change, IReadOnlyDictionary<int, Outcome> outcomes)
    {
        var row = change.Row;
        if (!TablesAcceptedRequestsMayWrite.Contains(row.Table)) return $"{row}: no fuzz request may change this table";
        var text = $"{Uri.UnescapeDataString(row.PartitionKey)} {Uri.UnescapeDataString(row.RowKey)} {row.Properties}";
        var cases = FuzzMarkers.CasesIn(text).Distinct().ToList();
        if (cases.Count == 0) return $"{row}: names no fuzz case";
        foreach (var index in cases)
        {
            if (!outcomes.TryGetValue(index, out var outcome)) return $"{row}: names case {index}, which was not sent";
            if (outcome.Status is < 200 or >= 300) return $"{row}: written for {outcome.Case}, which was refused with {outcome.Status}";
        }
        return null;
    }

    private static async Task<string> ReportAsync(ReliabilityApp app, int seed, IReadOnlyList<Outcome> failures)
    {
        var first = failures[0];
        var shrunk = await FuzzShrinker.ShrinkAsync(first.Case.Document, first.Problem!, async body => (await SendAsync(app, body, null)).Problem);
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{failures.Count} of the fuzz's answers were wrong (seed {seed}; rerun one with FUZZ_SEED={seed} FUZZ_CASE=<index>).")
            .AppendLine(CultureInfo.InvariantCulture, $"First: {first.Case}: {first.Problem}")
            .AppendLine("Sent:").AppendLine(FuzzCase.Readable(first.Case.Body))
            .AppendLine("Shrunk to:").AppendLine(FuzzCase.Readable(shrunk))
            .AppendLine("Others:");
        foreach (var failure in failures.Skip(1).Take(15)) report.AppendLine(CultureInfo.InvariantCulture, $"  {failure.Case}: {failure.Problem}");
        var errors = app.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Take(5);
        foreach (var error in errors) report.AppendLine(CultureInfo.InvariantCulture, $"Logged: {error.Category}: {error.Message} {error.Exception?.GetType().Name}: {error.Exception?.Message}");
        return report.ToString();
    }

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
