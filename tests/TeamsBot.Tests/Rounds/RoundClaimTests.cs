using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsBot.Rounds;
using TeamsBot.Storage;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Updates;

namespace TeamsBot.Tests.Rounds;

/// <summary>One open round per plan: the plan's claim row decides races between coordinators and instances.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoundClaimTests(AzuriteFixture azurite)
{
    private const string Start = "be om status for 25. juni-planen innen 18. desember 2026";
    private const string AlreadyOpen = "Det går allerede en statusrunde for";

    [Fact]
    public async Task Two_instances_starting_a_round_on_the_same_plan_at_once_open_exactly_one_and_the_other_hears_it_is_open()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        var clock = new FakeTimeProvider(RoundHarness.Monday);
        var prefix = AzuriteFixture.NewTableName("c")[..10];
        await using var a = await RoundHarness.StartAsync(azurite, connector, clock, prefix, "instance-a");
        await using var b = await RoundHarness.StartAsync(azurite, connector, clock, prefix, "instance-b", seed: false);

        var before = connector.Messages.Count;
        // The clock moves meanwhile: the instances share the tenant's connector budget, which they agree on over time.
        var responses = await clock.AdvanceWhileAsync(Task.WhenAll(
            a.Http.PostAsync(TeamsActivities.Message(connector.ServiceUrl, Start, "a:kari-1", from: TestUser.Kari)),
            b.Http.PostAsync(TeamsActivities.Message(connector.ServiceUrl, Start, "a:kari-2", from: TestUser.Kari))), TimeSpan.FromMilliseconds(20));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var replies = (await connector.WaitForMessagesAsync(before + 2)).Skip(before).ToList();

        Assert.Single(replies, r => UpdateHarness.CardsOf(r).Any(c => UpdateHarness.Text(c).Contains("Statusrunde startet", StringComparison.Ordinal)));
        Assert.Single(replies, r => ((string?)r["text"])?.StartsWith(AlreadyOpen, StringComparison.Ordinal) == true);
        Assert.Single(await a.Rounds.ListOpenAsync(CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task Closing_a_round_frees_its_plan_and_a_claim_on_a_closed_round_is_taken_over_at_once()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var bot = await RoundHarness.StartAsync(azurite, connector);

        await bot.SayAsync(Start);
        var first = await bot.OpenRoundAsync();
        Assert.Equal(first.Id, (await ClaimAsync(bot))?.GetString("RoundId"));
        await bot.SayAsync("avslutt runden", replies: 2);
        Assert.Null(await ClaimAsync(bot));

        Assert.Contains("Statusrunde startet", UpdateHarness.Text(UpdateHarness.CardsOf((await bot.SayAsync(Start))[0]).Single()));
        var second = await bot.OpenRoundAsync();
        Assert.NotEqual(first.Id, second.Id);

        // A close whose release did not happen (the instance stopped after closing) leaves a claim on a closed round.
        await bot.SayAsync("avslutt runden", replies: 2);
        await bot.App.Get<RoundClaims>().TryClaimAsync(RoundHarness.PlanId, second.Id, second.Deadline, bot.Clock.GetUtcNow(), CancellationToken.None);
        await bot.SayAsync(Start);
        var third = await bot.OpenRoundAsync();
        Assert.Equal(third.Id, (await ClaimAsync(bot))?.GetString("RoundId"));
    }

    [Fact]
    public async Task A_claim_left_without_its_round_holds_the_plan_for_five_minutes_and_is_then_taken_over()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var bot = await RoundHarness.StartAsync(azurite, connector);
        // An instance claimed the plan and stopped before writing its round.
        var claimed = await bot.App.Get<RoundClaims>().TryClaimAsync(RoundHarness.PlanId, "20261207T110000-dead01", new DateOnly(2026, 12, 21),
            bot.Clock.GetUtcNow(), CancellationToken.None);
        Assert.IsType<RoundClaim.Won>(claimed);

        bot.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.StartsWith(AlreadyOpen, await bot.SayTextAsync(Start));
        Assert.Contains("med frist 21. desember 2026", await bot.SayTextAsync(Start));
        Assert.Empty(await bot.Rounds.ListOpenAsync(CancellationToken.None).ToListAsync());

        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        await bot.SayAsync(Start);
        var round = await bot.OpenRoundAsync();
        Assert.Equal(new DateOnly(2026, 12, 18), round.Deadline);
        Assert.Equal(round.Id, (await ClaimAsync(bot))?.GetString("RoundId"));
    }

    private static async Task<TableEntity?> ClaimAsync(RoundHarness bot)
    {
        var table = bot.App.Get<TableServiceClient>().GetTableClient(bot.App.Get<IOptions<StorageOptions>>().Value.TableName(RoundStore.RoundsTable));
        var claim = await table.GetEntityIfExistsAsync<TableEntity>(RoundHarness.PlanId, RoundClaims.RowKey);
        return claim.HasValue ? claim.Value : null;
    }
}
