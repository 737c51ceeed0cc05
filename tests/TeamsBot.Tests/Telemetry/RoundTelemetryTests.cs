using TeamsBot.Access;
using TeamsBot.Rounds;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Rounds;

namespace TeamsBot.Tests.Telemetry;

/// <summary>Round requests are counted by outcome, and so are the owners nobody can be reached for.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoundTelemetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Requests_are_counted_as_sent_or_unreachable_and_unreachable_owners_are_counted_at_the_start()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        var capture = new TelemetryCapture();
        await using var bot = await RoundHarness.StartAsync(azurite, connector, configure: capture.AttachTo);
        capture.Bind(bot.App.Services);
        // Lise answers for POD but never installed the bot, and Graph is off.
        var lise = new TestUser("29:lise", "Lise Berg", "55555555-5555-5555-5555-555555555555");
        await bot.GrantAsync(lise, RoleRecord.Owner, ownerUnits: "POD");

        await bot.SayAsync("be om status for 25. juni-planen innen 18. desember 2026");
        var sends = await bot.PollAsync();

        var round = await bot.OpenRoundAsync();
        var owners = await bot.Rounds.GetOwnersAsync(round.Id, CancellationToken.None);
        var metrics = capture.CollectMetrics();
        Assert.Equal(2, TelemetryCapture.Sum(metrics, "teamsbot.round.messages", ("teamsbot.round.kind", "request"), ("teamsbot.round.outcome", "sent")));
        Assert.Equal(1, TelemetryCapture.Sum(metrics, "teamsbot.round.messages", ("teamsbot.round.kind", "request"), ("teamsbot.round.outcome", "unreachable")));
        Assert.Equal(owners.Count(o => o.People.Count == 0) + 1, TelemetryCapture.Sum(metrics, "teamsbot.round.unreachable_owners"));
        Assert.Contains(sends, s => s.PersonKey == lise.AadObjectId && s.Outcome == RoundSendOutcome.Unreachable);
    }
}
