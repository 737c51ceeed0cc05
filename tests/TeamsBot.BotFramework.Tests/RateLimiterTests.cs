using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsBot.BotFramework.Connector;

namespace TeamsBot.BotFramework.Tests;

public sealed class RateLimiterTests
{
    private const long Frequency = 1_000; // timestamp ticks are milliseconds here

    [Fact]
    public void The_eighth_permit_in_a_second_is_due_exactly_one_second_after_the_first()
    {
        var log = new SlidingLog([new RateRule(7, TimeSpan.FromSeconds(1)), new RateRule(60, TimeSpan.FromSeconds(30))], Frequency);
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(0, log.TicksUntilDue(100 + i));
            log.Record(100 + i);
        }
        Assert.Equal(1_000 - 7, log.TicksUntilDue(107));
        Assert.Equal(0, log.TicksUntilDue(1_100));
    }

    [Fact]
    public void The_sixty_first_permit_in_thirty_seconds_waits_for_the_oldest_to_leave_the_window()
    {
        var log = new SlidingLog([new RateRule(7, TimeSpan.FromSeconds(1)), new RateRule(60, TimeSpan.FromSeconds(30))], Frequency);
        for (var i = 0; i < 60; i++) log.Record(i * 200); // 5/s: under 7/s, reaches 60 after 11.8 s
        Assert.Equal(30_000 - 12_000, log.TicksUntilDue(12_000));
        Assert.Equal(0, log.TicksUntilDue(30_000));
        log.Record(30_000);
        Assert.Equal(30_200 - 30_000, log.TicksUntilDue(30_000)); // the next oldest, 200 ms later
    }

    [Fact]
    public async Task Sends_under_the_limits_start_no_timer()
    {
        var clock = new FakeTimeProvider();
        var limiter = new ConnectorRateLimiter(Options.Create(new BotConnectorOptions()), clock);
        for (var i = 0; i < 7; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            // A fake clock's timers fire only when the test advances it: a permit that needed one could not be ready yet.
            var permit = limiter.AcquireAsync("tenant", $"a:conversation-{i % 3}", CancellationToken.None);
            Assert.True(permit.IsCompletedSuccessfully, $"permit {i + 1} waited on a timer");
            await permit;
        }
    }

    [Fact]
    public async Task Idle_conversations_and_tenants_are_forgotten_after_the_longest_window()
    {
        var clock = new FakeTimeProvider();
        var limiter = new ConnectorRateLimiter(Options.Create(new BotConnectorOptions()), clock);
        for (var i = 0; i < 20; i++) await limiter.AcquireAsync($"tenant-{i}", $"a:conversation-{i}", CancellationToken.None);
        Assert.Equal((20, 20), limiter.Tracked);

        clock.Advance(TimeSpan.FromSeconds(31));
        await limiter.AcquireAsync("tenant-new", "a:conversation-new", CancellationToken.None);
        Assert.Equal((1, 1), limiter.Tracked);
    }

    [Fact]
    public async Task A_queued_send_is_cancellable_and_leaves_the_queue()
    {
        var options = new BotConnectorOptions { PerConversationPerSecond = 1 };
        var limiter = new ConnectorRateLimiter(Options.Create(options), TimeProvider.System);
        await limiter.AcquireAsync("tenant", "a:c", CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.AcquireAsync("tenant", "a:c", cancel.Token).AsTask());
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await limiter.AcquireAsync("tenant", "a:c", CancellationToken.None); // still spaced from the first permit only
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(5));
    }
}
