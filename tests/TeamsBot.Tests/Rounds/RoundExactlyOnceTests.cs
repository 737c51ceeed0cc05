using Microsoft.Extensions.Time.Testing;
using TeamsBot.Rounds;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Rounds;

/// <summary>Two instances on one Azurite send each request and each reminder once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoundExactlyOnceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Two_instances_polling_together_send_each_request_and_reminder_once()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        var clock = new FakeTimeProvider(RoundHarness.Monday);
        var prefix = AzuriteFixture.NewTableName("r")[..10];
        await using var a = await RoundHarness.StartAsync(azurite, connector, clock, prefix, "instance-a");
        await using var b = await RoundHarness.StartAsync(azurite, connector, clock, prefix, "instance-b", seed: false);
        await a.SayAsync("be om status for 25. juni-planen innen 18. desember 2026");

        async Task<IReadOnlyList<RoundSend>> BothPollAsync()
        {
            var both = await clock.AdvanceWhileAsync(
                Task.WhenAll(a.Scheduler.RunDueAsync(CancellationToken.None), b.Scheduler.RunDueAsync(CancellationToken.None)),
                TimeSpan.FromMilliseconds(20));
            return [.. both.SelectMany(x => x)];
        }

        for (var poll = 0; poll < 3; poll++) await BothPollAsync();
        Assert.Single(a.RoundCardsTo(RoundHarness.OlaChat));
        Assert.Single(a.RoundCardsTo(RoundHarness.PerChat));

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 7, 30, 0, TimeSpan.Zero));
        var sent = new List<RoundSend>();
        for (var poll = 0; poll < 3; poll++) sent.AddRange((await BothPollAsync()).Where(s => s.Outcome == RoundSendOutcome.Sent));
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Equal(RoundScheduler.ReminderStep(3), s.Step));
        Assert.Equal(2, a.RoundCardsTo(RoundHarness.OlaChat).Count);
        Assert.Equal(2, a.RoundCardsTo(RoundHarness.PerChat).Count);
    }
}
