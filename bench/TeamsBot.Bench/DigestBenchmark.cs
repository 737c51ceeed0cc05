using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeamsBot.BotFramework.Connector;
using TeamsBot.Digest;
using TeamsBot.Localization;
using TeamsBot.Measures.Import;
using TeamsBot.Testing;

namespace TeamsBot.Bench;

/// <summary>
/// Weekly briefs for N subscribed channels (default 1,000) in one tenant, against a loopback connector that enforces
/// Teams' limits (<see cref="TeamsRateLimits"/>). One scheduler poll per instance (all instances at once);
/// reports total time against the throttle-bound minimum (N / 50 per s), 429s, duplicates and missing channels.
/// Options: --channels 1000 --instances 1 --tenant-rps 50 --concurrency 64 (Digest:MaxConcurrency) --client-rps 50 (BotConnector:PerTenantPerSecond) --timeout 180.
/// </summary>
public sealed class DigestBenchmark : IBenchmark
{
    private const string Tenant = "bench-tenant";

    public string Name => "digest";

    public string Description => "Weekly brief to 1,000 channels through Teams' rate limits (loopback connector enforcing 50 RPS/tenant)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var channels = int.Parse(Option(args, "--channels", "1000"), CultureInfo.InvariantCulture);
        var instances = int.Parse(Option(args, "--instances", "1"), CultureInfo.InvariantCulture);
        var tenantRps = int.Parse(Option(args, "--tenant-rps", "50"), CultureInfo.InvariantCulture);
        var concurrency = Option(args, "--concurrency", "");
        var clientRps = Option(args, "--client-rps", "");
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(int.Parse(Option(args, "--timeout", "180"), CultureInfo.InvariantCulture)));
        var ct = bounded.Token;

        await using var azurite = new AzuriteFixture();
        await azurite.StartAsync(ct);
        await using var connector = await LoopbackConnector.StartAsync(
            new LoopbackConnectorOptions { KeepRequests = false, RateLimits = new TeamsRateLimits(tenantRps) }, ct);
        var prefix = AzuriteFixture.NewTableName("bench")[..12];
        var apps = new List<WebApplication>();
        try
        {
            for (var i = 0; i < instances; i++) apps.Add(await StartAppAsync(azurite, prefix, $"bench-{i}", concurrency, clientRps, ct));
            var first = apps[0].Services;
            await first.GetRequiredService<PlanImporter>().ImportAsync([Path.Combine(RepoPaths.Root, "data", "plans")], ct);
            foreach (var app in apps.Skip(1)) await app.Services.GetRequiredService<TeamsBot.Measures.MeasureIndexLoader>().LoadAsync(ct);
            // The instances agree on their shares of the tenant's budget (heartbeats in RateShares) before the clock starts.
            var joining = Stopwatch.StartNew();
            await WaitForSharesAsync(apps, new RateShare(instances), ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{instances} instance(s) share the tenant budget 1/{instances} each after {joining.Elapsed.TotalSeconds:0.0} s"));

            var created = DateTimeOffset.UtcNow.AddDays(-8);
            var store = first.GetRequiredService<DigestSubscriptionStore>();
            var seeding = Stopwatch.StartNew();
            var ids = Enumerable.Range(1, channels).Select(i => $"19:bench-{i:D5}@thread.tacv2").ToList();
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (id, c) =>
                await store.SaveAsync(new DigestSubscription
                {
                    TenantId = Tenant,
                    ChannelId = id,
                    ServiceUrl = connector.ServiceUrl,
                    // Monday 00:00 Oslo: already passed in the current ISO week, whatever day the bench runs.
                    Schedule = new DigestSchedule(DayOfWeek.Monday, new TimeOnly(0, 0)),
                    Language = UserLanguage.Bokmal,
                    CreatedAt = created,
                }, c));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"digest benchmark: {channels:N0} channels, {instances} instance(s), tenant limit {tenantRps}/s, Azurite {azurite.TableEndpoint}; {channels:N0} subscriptions stored in {seeding.Elapsed.TotalSeconds:0.00} s"));

            var loadBefore = LoadAverage();
            var watch = Stopwatch.StartNew();
            var finished = new TimeSpan[apps.Count];
            var outcomes = await Task.WhenAll(apps.Select(async (a, i) =>
            {
                var result = await a.Services.GetRequiredService<DigestScheduler>().RunDueAsync(ct);
                finished[i] = watch.Elapsed;
                return result;
            }));
            watch.Stop();
            var again = await Task.WhenAll(apps.Select(a => a.Services.GetRequiredService<DigestScheduler>().RunDueAsync(ct)));

            var posted = outcomes.Sum(o => o.Count(x => x == DigestRunOutcome.Posted));
            var failed = outcomes.Sum(o => o.Count(x => x is DigestRunOutcome.Failed or DigestRunOutcome.Blocked));
            var duplicates = connector.CreatedPerChannel.Values.Sum(c => c - 1);
            var missing = ids.Count(id => !connector.CreatedPerChannel.ContainsKey(id));
            var minimum = TimeSpan.FromSeconds((double)channels / tenantRps);
            var ratio = watch.Elapsed / minimum;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""
                | Channels | Instances | Total | Throttle-bound minimum | Ratio | First→last accepted | 429s | Posted | Duplicates | Missing | Failed | Second poll |
                |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                | {{channels:N0}} | {{instances}} | {{watch.Elapsed.TotalSeconds:0.00}} s | {{minimum.TotalSeconds:0.00}} s | {{ratio:0.000}}× | {{connector.AcceptedSpan.TotalSeconds:0.00}} s | {{connector.Throttled}} | {{posted}} | {{duplicates}} | {{missing}} | {{failed}} | {{again.Sum(a => a.Count)}} due |
                """));
            for (var i = 0; i < apps.Count; i++)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"instance {i}: posted {outcomes[i].Count(x => x == DigestRunOutcome.Posted)}, done after {finished[i].TotalSeconds:0.00} s"));
            Console.WriteLine($"load average (1 min) {loadBefore} before, {LoadAverage()} after; nproc {Environment.ProcessorCount}");
            return duplicates == 0 && missing == 0 && ratio <= 1.1 ? 0 : 1;
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }
        }
    }

    private static async Task<WebApplication> StartAppAsync(AzuriteFixture azurite, string prefix, string instanceId, string concurrency, string clientRps, CancellationToken ct)
    {
        var app = TeamsBotApplication.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Digest:MaxConcurrency"] = concurrency.Length > 0 ? concurrency : "64",
                // The client's own tenant limit (BotConnector:PerTenantPerSecond, default 50); the connector enforces --tenant-rps.
                ["BotConnector:PerTenantPerSecond"] = clientRps.Length > 0 ? clientRps : "50",
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:TablePrefix"] = prefix,
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:TeamsBot.BotFramework.Connector"] = "Error",
                ["Digest:SchedulerEnabled"] = "false",
                ["Digest:InstanceId"] = instanceId,
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync(ct);
        return app;
    }

    private static async Task WaitForSharesAsync(List<WebApplication> apps, RateShare expected, CancellationToken ct)
    {
        var shares = apps.Select(a => a.Services.GetRequiredService<ITenantBudgetShare>()).ToList();
        while (shares.Any(s => s.Current != expected))
        {
            await Task.WhenAny(shares.Select(s => s.WhenChanged).Append(Task.Delay(TimeSpan.FromSeconds(1), ct)));
            ct.ThrowIfCancellationRequested();
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
