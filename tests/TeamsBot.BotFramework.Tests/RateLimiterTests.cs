using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsBot.BotFramework.Connector;
using TeamsBot.Testing;

namespace TeamsBot.BotFramework.Tests;

public sealed class RateLimiterTests
{
    private const long Frequency = 1_000; // timestamp ticks are milliseconds here

    private static readonly ITenantBudgetShare Whole = new FixedTenantBudgetShare(Options.Create(new BotConnectorOptions()));

    /// <summary>A request that completed as it started (no latency): the sliding log of start times.</summary>
    private static void Instant(SlidingLog log, long at) => SlidingLog.Complete(log.Grant(at), at);

    [Fact]
    public void The_eighth_permit_in_a_second_is_due_exactly_one_second_after_the_first()
    {
        var log = new SlidingLog([new RateRule(7, TimeSpan.FromSeconds(1)), new RateRule(60, TimeSpan.FromSeconds(30))], Frequency);
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(0, log.TicksUntilDue(100 + i, RateShare.Whole));
            Instant(log, 100 + i);
        }
        Assert.Equal(1_000 - 7, log.TicksUntilDue(107, RateShare.Whole));
        Assert.Equal(0, log.TicksUntilDue(1_100, RateShare.Whole));
    }

    [Fact]
    public void The_sixty_first_permit_in_thirty_seconds_waits_for_the_oldest_to_leave_the_window()
    {
        var log = new SlidingLog([new RateRule(7, TimeSpan.FromSeconds(1)), new RateRule(60, TimeSpan.FromSeconds(30))], Frequency);
        for (var i = 0; i < 60; i++) Instant(log, i * 200); // 5/s: under 7/s, reaches 60 after 11.8 s
        Assert.Equal(30_000 - 12_000, log.TicksUntilDue(12_000, RateShare.Whole));
        Assert.Equal(0, log.TicksUntilDue(30_000, RateShare.Whole));
        Instant(log, 30_000);
        Assert.Equal(30_200 - 30_000, log.TicksUntilDue(30_000, RateShare.Whole)); // the next oldest, 200 ms later
    }

    [Fact]
    public void A_permit_counts_until_its_request_completed_plus_the_window_not_from_when_it_started()
    {
        var log = new SlidingLog([new RateRule(1, TimeSpan.FromSeconds(1))], Frequency);
        var slow = log.Grant(0);
        SlidingLog.Complete(slow, 300); // it may have arrived at 299: the next request must not arrive before 1,299

        Assert.Equal(1_300 - 1_000, log.TicksUntilDue(1_000, RateShare.Whole));
        Assert.Equal(0, log.TicksUntilDue(1_300, RateShare.Whole));
    }

    [Fact]
    public void With_every_permit_taken_by_requests_still_in_flight_only_a_completion_can_free_one()
    {
        var log = new SlidingLog([new RateRule(2, TimeSpan.FromSeconds(1))], Frequency);
        var first = log.Grant(0);
        log.Grant(5);

        Assert.Equal(SlidingLog.InFlight, log.TicksUntilDue(60_000, RateShare.Whole));
        SlidingLog.Complete(first, 60_000);
        Assert.Equal(1_000, log.TicksUntilDue(60_000, RateShare.Whole));
    }

    [Fact]
    public void A_share_of_one_in_three_gives_a_third_of_the_permits_rounded_down_and_no_share_gives_none()
    {
        var log = new SlidingLog([new RateRule(50, TimeSpan.FromSeconds(1))], Frequency);
        for (var i = 0; i < 16; i++) Instant(log, i);

        Assert.Equal(1_000 - 16, log.TicksUntilDue(16, new RateShare(3)));
        Assert.Equal(0, log.TicksUntilDue(16, new RateShare(2)));
        Assert.False(log.IsWithin(16, new RateShare(4)));
        Assert.True(log.IsWithin(16, new RateShare(3)));
        Assert.Equal(SlidingLog.InFlight, log.TicksUntilDue(5_000, RateShare.None));
    }

    [Fact]
    public async Task A_queued_send_waits_for_the_request_in_flight_to_complete_and_then_one_more_window()
    {
        var clock = new FakeTimeProvider();
        var limiter = new ConnectorRateLimiter(Options.Create(new BotConnectorOptions { PerConversationPerSecond = 1 }), clock, Whole);
        var first = await limiter.AcquirePermitAsync("tenant", "a:c", CancellationToken.None);
        var second = limiter.AcquirePermitAsync("tenant", "a:c", CancellationToken.None).AsTask();

        clock.Advance(TimeSpan.FromSeconds(5)); // a minute-long request still counts: no timer can end its permit
        Assert.False(second.IsCompleted);
        var completedAt = clock.GetTimestamp();
        first.Dispose();

        (await clock.AdvanceWhileAsync(second, TimeSpan.FromMilliseconds(100))).Dispose();
        Assert.True(clock.GetElapsedTime(completedAt) >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Sends_under_the_limits_start_no_timer()
    {
        var clock = new FakeTimeProvider();
        var limiter = new ConnectorRateLimiter(Options.Create(new BotConnectorOptions()), clock, Whole);
        for (var i = 0; i < 7; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            // A fake clock's timers fire only when the test advances it: a permit that needed one could not be ready yet.
            var permit = limiter.AcquirePermitAsync("tenant", $"a:conversation-{i % 3}", CancellationToken.None);
            Assert.True(permit.IsCompletedSuccessfully, $"permit {i + 1} waited on a timer");
            (await permit).Dispose();
        }
    }

    [Fact]
    public async Task Idle_conversations_and_tenants_are_forgotten_after_the_longest_window()
    {
        var clock = new FakeTimeProvider();
        var limiter = new ConnectorRateLimiter(Options.Create(new BotConnectorOptions()), clock, Whole);
        for (var i = 0; i < 20; i++) (await limiter.AcquirePermitAsync($"tenant-{i}", $"a:conversation-{i}", CancellationToken.None)).Dispose();
        Assert.Equal((20, 20), limiter.Tracked);

        clock.Advance(TimeSpan.FromSeconds(31));
        (await limiter.AcquirePermitAsync("tenant-new", "a:conversation-new", CancellationToken.None)).Dispose();
        Assert.Equal((1, 1), limiter.Tracked);
    }

    [Fact]
    public async Task A_queued_send_is_cancellable_and_leaves_the_queue()
    {
        var options = new BotConnectorOptions { PerConversationPerSecond = 1 };
        var clock = new FakeTimeProvider();
        var limiter = new ConnectorRateLimiter(Options.Create(options), clock, Whole);
        (await limiter.AcquirePermitAsync("tenant", "a:c", CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquirePermitAsync("tenant", "a:c", cancel.Token).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(50));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var started = clock.GetTimestamp();
        // still spaced from the first permit only
        (await clock.AdvanceWhileAsync(limiter.AcquirePermitAsync("tenant", "a:c", CancellationToken.None).AsTask(), TimeSpan.FromMilliseconds(50))).Dispose();
        Assert.InRange(clock.GetElapsedTime(started), TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(5));
    }
}
