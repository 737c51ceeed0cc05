using System.Diagnostics;
using TeamsBot.BotFramework.Connector;
using TeamsBot.Digest;
using TeamsBot.Testing;
using TeamsBot.Tests.Digest;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Throttling;

/// <summary>Two instances of the real app on one Azurite share Teams' per-tenant limit through the RateShares table.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SharedConnectorBudgetTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Digest:SchedulerEnabled"] = "false",
        ["BotConnector:ShareHeartbeatInterval"] = "00:00:00.200",
        ["BotConnector:ShareExpiry"] = "00:00:02",
    };

    [Fact]
    public async Task Two_instances_post_the_brief_to_150_channels_once_each_through_Teams_limits_without_a_single_429()
    {
        await using var connector = await LoopbackConnector.StartAsync(new LoopbackConnectorOptions { RateLimits = new TeamsRateLimits() });
        var prefix = AzuriteFixture.NewTableName("s")[..10];
        await using var a = await TestApp.CreateAsync(azurite, Settings, tablePrefix: prefix);
        await using var b = await TestApp.CreateAsync(azurite, Settings, tablePrefix: prefix);
        await WaitForShareAsync(new RateShare(2), a, b);

        // 150 posts: three seconds of the tenant's 50/s, which each instance alone would try to use in one and a half.
        var channels = Enumerable.Range(1, 150).Select(i => $"19:shared-{i:D3}@thread.tacv2").ToList();
        var monday = new DigestSchedule(DayOfWeek.Monday, new TimeOnly(0, 0)); // passed in the current week, whatever the day
        var store = a.Get<DigestSubscriptionStore>();
        foreach (var channel in channels)
            await store.SaveAsync(DigestHarness.Subscription(connector.ServiceUrl, channel, DateTimeOffset.UtcNow.AddDays(-8), monday), CancellationToken.None);

        var outcomes = await Task.WhenAll(a.Get<DigestScheduler>().RunDueAsync(CancellationToken.None), b.Get<DigestScheduler>().RunDueAsync(CancellationToken.None));

        Assert.Equal(0, connector.Throttled);
        Assert.Equal(channels.Count, outcomes.Sum(o => o.Count(x => x == DigestRunOutcome.Posted)));
        Assert.All(outcomes, o => Assert.Contains(DigestRunOutcome.Posted, o)); // both took part
        Assert.Equal(channels.Order(), connector.ChannelsPostedTo.Order()); // none missing, none twice
    }

    [Fact]
    public async Task A_second_instance_halves_the_first_ones_share_and_a_lone_instance_has_the_whole_budget()
    {
        var prefix = AzuriteFixture.NewTableName("s")[..10];
        await using var a = await TestApp.CreateAsync(azurite, Settings, tablePrefix: prefix);
        Assert.Equal(RateShare.Whole, a.Get<ITenantBudgetShare>().Current);

        await using var b = await TestApp.CreateAsync(azurite, Settings, tablePrefix: prefix);
        await WaitForShareAsync(new RateShare(2), a, b);
    }

    private static async Task WaitForShareAsync(RateShare expected, params TestApp[] apps)
    {
        var watch = Stopwatch.StartNew();
        while (apps.Any(app => app.Get<ITenantBudgetShare>().Current != expected))
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"Shares {string.Join(", ", apps.Select(app => app.Get<ITenantBudgetShare>().Current))}, expected {expected} each.");
            await Task.WhenAny(apps.Select(app => app.Get<ITenantBudgetShare>().WhenChanged).Append(Task.Delay(TimeSpan.FromSeconds(1))));
        }
    }
}
