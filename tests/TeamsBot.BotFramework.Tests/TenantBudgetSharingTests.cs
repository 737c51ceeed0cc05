using TeamsBot.BotFramework.Connector;

namespace TeamsBot.BotFramework.Tests;

/// <summary>Instances sharing Teams' per-tenant budget through a store (heartbeat rows), on simulated time.</summary>
public sealed class TenantBudgetSharingTests
{
    private const int Limit = 50;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Instances_sharing_a_store_never_together_exceed_the_tenant_limit_in_any_sliding_second_as_they_join_and_die(int seed)
    {
        var simulation = new BudgetSimulation(seed);
        var a = await simulation.StartAsync("a");
        await simulation.RunUntilAsync(3_000);
        var b = await simulation.StartAsync("b");
        await simulation.RunUntilAsync(6_000);
        var c = await simulation.StartAsync("c");
        await simulation.RunUntilAsync(9_000);
        b.Crash();
        await simulation.RunUntilAsync(14_000);

        Assert.InRange(simulation.MostInAnyWindow(1_000), Limit - 5, Limit);
        // Each took its part: half while two, a third while three, half again once b was given up.
        Assert.InRange(simulation.ArrivedBetween("b", 4_000, 6_000), 40, 50);
        Assert.InRange(simulation.ArrivedBetween("c", 7_000, 9_000), 26, 32);
        Assert.InRange(simulation.ArrivedBetween("a", 13_000, 14_000), 20, 25);
        Assert.InRange(simulation.ArrivedBetween("c", 13_000, 14_000), 20, 25);
        Assert.Equal(new RateShare(2), a.Share.Current);
        Assert.Equal(new RateShare(2), c.Share.Current);
    }

    [Fact]
    public async Task An_instance_that_stops_heartbeating_gives_its_share_back_after_the_expiry_and_not_before()
    {
        var simulation = new BudgetSimulation(seed: 4);
        var a = await simulation.StartAsync("a");
        var b = await simulation.StartAsync("b");
        await simulation.RunUntilAsync(3_000);
        Assert.Equal((new RateShare(2), new RateShare(2)), (a.Share.Current, b.Share.Current));

        b.Crash();
        var expiry = (long)BudgetSimulation.Settings.ShareExpiry.TotalMilliseconds;
        await simulation.RunUntilAsync(3_000 + expiry - 600);
        Assert.Equal(new RateShare(2), a.Share.Current); // b may only be slow: its share stays put
        await simulation.RunUntilAsync(3_000 + expiry + 600);
        Assert.Equal(RateShare.Whole, a.Share.Current);
        Assert.Equal(["a"], simulation.Store.Instances.Select(i => i == a.Heartbeat.InstanceId ? "a" : i));
        await simulation.RunUntilAsync(8_000);

        Assert.InRange(simulation.ArrivedBetween("a", 7_000, 8_000), 44, 50);
        Assert.True(simulation.MostInAnyWindow(1_000) <= Limit);
    }

    [Fact]
    public async Task A_newcomer_sends_nothing_until_the_instance_already_sending_has_made_room()
    {
        var simulation = new BudgetSimulation(seed: 5);
        var a = await simulation.StartAsync("a");
        await simulation.RunUntilAsync(2_000);
        var b = await simulation.StartAsync("b");

        Assert.Equal(RateShare.None, b.Share.Current);
        Assert.Equal(new RateShare(1), a.Share.Current); // a has not read b's row yet
        await simulation.RunUntilAsync(2_499);
        Assert.Equal(0, simulation.ArrivedBetween("b", 0, 2_499));
        await simulation.RunUntilAsync(3_600);
        Assert.Equal((new RateShare(2), new RateShare(2)), (a.Share.Current, b.Share.Current));
    }
}
