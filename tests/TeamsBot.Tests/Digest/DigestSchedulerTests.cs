using Microsoft.Extensions.Time.Testing;
using TeamsBot.Digest;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Digest;

/// <summary>The scheduler against Azurite and a loopback connector, on a fake clock the test moves.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DigestSchedulerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] Instances = ["instance-a", "instance-b"];

    private LoopbackConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await LoopbackConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private static readonly DateTimeOffset LastWeek = DigestHarness.Week47Monday.AddDays(-7);

    /// <summary>The next <paramref name="writes"/> writes get 429, with Retry-After alternating 1 and 0 s (the last 0).</summary>
    private void ThrottleNext(int writes)
    {
        for (var left = writes - 1; left >= 0; left--)
            _connector.EnqueueStatus(429, "TooManyRequests", (left % 2).ToString(System.Globalization.CultureInfo.InvariantCulture), r => r.Method != "GET");
    }

    [Fact]
    public async Task Two_instances_against_one_Azurite_post_once_per_channel_and_week()
    {
        var clock = new FakeTimeProvider(DigestHarness.Week47Monday);
        var prefix = AzuriteFixture.NewTableName("d")[..10];
        await using var a = await DigestHarness.StartAsync(azurite, clock, scheduler: true, tablePrefix: prefix, instanceId: "instance-a");
        await using var b = await DigestHarness.StartAsync(azurite, clock, scheduler: true, tablePrefix: prefix, instanceId: "instance-b");
        var channels = Enumerable.Range(1, 20).Select(i => $"19:channel-{i:D2}@thread.tacv2").ToList();
        foreach (var channel in channels)
            await a.Get<DigestSubscriptionStore>().SaveAsync(DigestHarness.Subscription(_connector.ServiceUrl, channel, LastWeek), CancellationToken.None);

        // Both hosted schedulers poll every 100 ms; on top, both instances poll by hand at the same moment, twice. The
        // clock moves meanwhile: b sends only once a's heartbeat has made room for it in the tenant's budget.
        for (var round = 0; round < 2; round++)
            await clock.AdvanceWhileAsync(
                Task.WhenAll(a.Get<DigestScheduler>().RunDueAsync(CancellationToken.None), b.Get<DigestScheduler>().RunDueAsync(CancellationToken.None)),
                TimeSpan.FromMilliseconds(100));
        // A hosted poll's send may still wait for b's share, which only moves with the clock.
        await clock.AdvanceWhileAsync(_connector.WaitForCreatedConversationsAsync(channels.Count), TimeSpan.FromMilliseconds(100));
        // More polls from both, the hosted ones (each step of the clock fires their poll delay) and by hand: none may post
        // again. Stopping the hosts then waits for any hosted poll still under way.
        for (var round = 0; round < 3; round++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            var again = await Task.WhenAll(a.Get<DigestScheduler>().RunDueAsync(CancellationToken.None), b.Get<DigestScheduler>().RunDueAsync(CancellationToken.None));
            Assert.All(again, outcomes => Assert.DoesNotContain(DigestRunOutcome.Posted, outcomes));
        }
        await Task.WhenAll(a.App.StopAsync(), b.App.StopAsync());

        Assert.Equal(channels.Order(), _connector.ChannelsPostedTo.Order());
        foreach (var channel in channels)
        {
            var run = await a.Get<DigestRunStore>().GetAsync($"{TeamsActivities.TenantId}|{channel}", new IsoWeek(2026, 47), CancellationToken.None);
            Assert.NotNull(run);
            Assert.Equal(DigestRunStore.StatusPosted, run.Status);
            Assert.Contains(run.Owner, Instances);
            Assert.StartsWith("activity-", run.ActivityId);
        }
        var subscription = await b.Get<DigestSubscriptionStore>().GetAsync(TeamsActivities.TenantId, channels[0], CancellationToken.None);
        Assert.Equal("2026-W47", subscription!.LastPostedWeek);
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_instance_is_taken_over_after_its_lease_and_posted_once()
    {
        var clock = new FakeTimeProvider(DigestHarness.Week47Monday);
        await using var app = await DigestHarness.StartAsync(azurite, clock, instanceId: "survivor");
        var s = DigestHarness.Subscription(_connector.ServiceUrl, "19:crash@thread.tacv2", LastWeek);
        await app.Get<DigestSubscriptionStore>().SaveAsync(s, CancellationToken.None);
        var runs = app.Get<DigestRunStore>();
        var lease = TimeSpan.FromMinutes(3);

        // The crashed instance claimed the week and never posted.
        Assert.NotNull(await runs.TryClaimAsync(s.Key, new IsoWeek(2026, 47), "crashed", clock.GetUtcNow(), lease, CancellationToken.None));
        var scheduler = app.Get<DigestScheduler>();

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal([DigestRunOutcome.NotOurs], await scheduler.RunDueAsync(CancellationToken.None));
        Assert.Empty(_connector.CreatedConversations);

        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal([DigestRunOutcome.Posted], await scheduler.RunDueAsync(CancellationToken.None));
        Assert.Empty(await scheduler.RunDueAsync(CancellationToken.None));
        Assert.Single(_connector.CreatedConversations);

        var run = await runs.GetAsync(s.Key, new IsoWeek(2026, 47), CancellationToken.None);
        Assert.Equal((DigestRunStore.StatusPosted, "survivor", 2), (run!.Status, run.Owner, run.Attempt));
    }

    [Fact]
    public async Task A_lost_lease_is_never_posted_by_its_old_owner()
    {
        var clock = new FakeTimeProvider(DigestHarness.Week47Monday);
        await using var app = await DigestHarness.StartAsync(azurite, clock);
        var runs = app.Get<DigestRunStore>();
        var week = new IsoWeek(2026, 47);
        var slow = await runs.TryClaimAsync("t|slow", week, "slow", clock.GetUtcNow(), TimeSpan.FromMinutes(3), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(4));
        var fast = await runs.TryClaimAsync("t|slow", week, "fast", clock.GetUtcNow(), TimeSpan.FromMinutes(3), CancellationToken.None);

        Assert.NotNull(fast);
        Assert.False(await runs.RenewAsync(slow!, clock.GetUtcNow(), TimeSpan.FromMinutes(3), CancellationToken.None));
        Assert.False(await runs.MarkPostedAsync(slow!, clock.GetUtcNow(), "c", "a", CancellationToken.None));
        Assert.True(await runs.MarkPostedAsync(fast, clock.GetUtcNow(), "c", "a", CancellationToken.None));
        Assert.Null(await runs.TryClaimAsync("t|slow", week, "third", clock.GetUtcNow().AddHours(1), TimeSpan.FromMinutes(3), CancellationToken.None));
    }

    [Fact]
    public async Task Missed_time_is_caught_up_once_in_the_same_week_and_never_for_earlier_weeks()
    {
        // Wednesday of week 47: the service was down on Monday 08:00.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero));
        await using var app = await DigestHarness.StartAsync(azurite, clock);
        var store = app.Get<DigestSubscriptionStore>();
        await store.SaveAsync(DigestHarness.Subscription(_connector.ServiceUrl, "19:old@thread.tacv2", LastWeek.AddDays(-21)), CancellationToken.None);
        // Subscribed on Tuesday of week 47, after this week's Monday 08:00: first brief next Monday.
        await store.SaveAsync(DigestHarness.Subscription(_connector.ServiceUrl, "19:new@thread.tacv2", new DateTimeOffset(2026, 11, 17, 9, 0, 0, TimeSpan.Zero)), CancellationToken.None);
        var scheduler = app.Get<DigestScheduler>();

        Assert.Equal([DigestRunOutcome.Posted], await scheduler.RunDueAsync(CancellationToken.None));
        Assert.Empty(await scheduler.RunDueAsync(CancellationToken.None));
        Assert.Equal(["19:old@thread.tacv2"], _connector.ChannelsPostedTo);

        // Monday of week 48, 06:59 UTC = 07:59 Oslo: not yet. 07:00 UTC: both.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 6, 59, 0, TimeSpan.Zero));
        Assert.Empty(await scheduler.RunDueAsync(CancellationToken.None));
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal([DigestRunOutcome.Posted, DigestRunOutcome.Posted], await scheduler.RunDueAsync(CancellationToken.None));
        Assert.Equal(3, _connector.CreatedConversations.Count);
    }

    [Theory]
    [InlineData("2026-03-23T06:59:00Z", "2026-03-23T07:00:00Z")] // week 13 holds the last Sunday of March: Monday still CET
    [InlineData("2026-03-30T05:59:00Z", "2026-03-30T06:00:00Z")] // first Monday of summer time
    [InlineData("2026-10-19T05:59:00Z", "2026-10-19T06:00:00Z")] // week 43 holds the last Sunday of October: Monday still CEST
    [InlineData("2026-10-26T06:59:00Z", "2026-10-26T07:00:00Z")] // first Monday of winter time
    public async Task Monday_0800_Oslo_is_posted_at_the_right_UTC_instant_around_DST(string justBefore, string at)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(justBefore, System.Globalization.CultureInfo.InvariantCulture));
        await using var app = await DigestHarness.StartAsync(azurite, clock);
        await app.Get<DigestSubscriptionStore>().SaveAsync(
            DigestHarness.Subscription(_connector.ServiceUrl, "19:dst@thread.tacv2", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), CancellationToken.None);
        var scheduler = app.Get<DigestScheduler>();

        Assert.Empty(await scheduler.RunDueAsync(CancellationToken.None));
        clock.SetUtcNow(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([DigestRunOutcome.Posted], await scheduler.RunDueAsync(CancellationToken.None));
        Assert.Single(_connector.CreatedConversations);
    }

    [Fact]
    public async Task A_429_storm_is_ridden_out_and_every_channel_gets_one_brief()
    {
        var clock = new FakeTimeProvider(DigestHarness.Week47Monday);
        await using var app = await DigestHarness.StartAsync(azurite, clock,
            settings: new Dictionary<string, string?> { ["BotConnector:MaxAttempts"] = "12" });
        var channels = Enumerable.Range(1, 6).Select(i => $"19:storm-{i}@thread.tacv2").ToList();
        foreach (var channel in channels)
            await app.Get<DigestSubscriptionStore>().SaveAsync(DigestHarness.Subscription(_connector.ServiceUrl, channel, LastWeek), CancellationToken.None);
        ThrottleNext(15);

        // Retry-After waits are on the fake clock: keep it moving while the poll rides the storm out.
        var outcomes = await clock.AdvanceWhileAsync(app.Get<DigestScheduler>().RunDueAsync(CancellationToken.None), TimeSpan.FromMilliseconds(100));

        Assert.All(outcomes, o => Assert.Equal(DigestRunOutcome.Posted, o));
        Assert.Equal(15, _connector.Throttled);
        Assert.Equal(channels.Order(), _connector.ChannelsPostedTo.Order());
    }

    [Fact]
    public async Task A_failed_send_is_retried_after_a_minute_not_after_the_whole_lease()
    {
        var clock = new FakeTimeProvider(DigestHarness.Week47Monday);
        await using var app = await DigestHarness.StartAsync(azurite, clock,
            settings: new Dictionary<string, string?> { ["BotConnector:MaxAttempts"] = "1" });
        await app.Get<DigestSubscriptionStore>().SaveAsync(DigestHarness.Subscription(_connector.ServiceUrl, "19:flaky@thread.tacv2", LastWeek), CancellationToken.None);
        var scheduler = app.Get<DigestScheduler>();
        ThrottleNext(1);

        Assert.Equal([DigestRunOutcome.Failed], await scheduler.RunDueAsync(CancellationToken.None));
        Assert.Equal([DigestRunOutcome.NotOurs], await scheduler.RunDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal([DigestRunOutcome.Posted], await scheduler.RunDueAsync(CancellationToken.None));
        Assert.Single(_connector.CreatedConversations);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_brief_the_connector_may_have_taken_is_not_posted_again_that_week(int status)
    {
        var clock = new FakeTimeProvider(DigestHarness.Week47Monday);
        await using var app = await DigestHarness.StartAsync(azurite, clock);
        await app.Get<DigestSubscriptionStore>().SaveAsync(DigestHarness.Subscription(_connector.ServiceUrl, "19:unsure@thread.tacv2", LastWeek), CancellationToken.None);
        var scheduler = app.Get<DigestScheduler>();
        _connector.EnqueueStatus(status, "ServiceError", when: r => r.Method != "GET");

        Assert.Equal([DigestRunOutcome.Failed], await scheduler.RunDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.DoesNotContain(DigestRunOutcome.Posted, await scheduler.RunDueAsync(CancellationToken.None));
        Assert.Single(_connector.Requests, r => r.Operation == ConnectorOperation.CreateConversation);
    }

    [Fact]
    public async Task A_blocked_channel_pauses_its_subscription_tells_the_coordinator_and_does_not_hold_up_the_others()
    {
        var clock = new FakeTimeProvider(DigestHarness.Week47Monday);
        await using var app = await DigestHarness.StartAsync(azurite, clock);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        // The coordinator has a personal chat with the bot (the install registry knows it).
        var install = TeamsActivities.PersonalInstall(_connector.ServiceUrl, "a:coordinator-chat");
        install["from"]!["aadObjectId"] = DigestHarness.Coordinator.AadObjectId;
        await http.PostAsync(install);
        await _connector.WaitForSendsAsync(1);

        var store = app.Get<DigestSubscriptionStore>();
        foreach (var channel in new[] { "19:ok-1@thread.tacv2", "19:blocked@thread.tacv2", "19:ok-2@thread.tacv2" })
            await store.SaveAsync(DigestHarness.Subscription(_connector.ServiceUrl, channel, LastWeek), CancellationToken.None);
        _connector.Block("19:blocked@thread.tacv2");

        var outcomes = await app.Get<DigestScheduler>().RunDueAsync(CancellationToken.None);

        Assert.Equal(2, outcomes.Count(o => o == DigestRunOutcome.Posted));
        Assert.Equal(1, outcomes.Count(o => o == DigestRunOutcome.Blocked));
        Assert.Equal(["19:ok-1@thread.tacv2", "19:ok-2@thread.tacv2"], _connector.ChannelsPostedTo.Order());
        var paused = await store.GetAsync(TeamsActivities.TenantId, "19:blocked@thread.tacv2", CancellationToken.None);
        Assert.True(paused!.Paused);
        var notice = (await _connector.WaitForSendsAsync(2))[1];
        Assert.Equal("/v3/conversations/a:coordinator-chat/activities", notice.Path);
        Assert.StartsWith("Jeg fikk ikke lagt ut ukentlig brief", notice.Body!["text"]!.GetValue<string>());
        Assert.Empty(await app.Get<DigestScheduler>().RunDueAsync(CancellationToken.None));
    }
}
