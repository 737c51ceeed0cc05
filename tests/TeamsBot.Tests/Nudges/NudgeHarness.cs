using Microsoft.Extensions.Time.Testing;
using TeamsBot.Measures;
using TeamsBot.Nudges;
using TeamsBot.Testing;
using TeamsBot.Tests.Rounds;

namespace TeamsBot.Tests.Nudges;

/// <summary>The round harness (Kari, Ola for PST, Per for PHS, on Monday 7 December 2026) with the nudge poller run by hand.</summary>
public static class NudgeHarness
{
    public static Task<RoundHarness> StartAsync(AzuriteFixture azurite, LoopbackConnector connector, FakeTimeProvider? clock = null,
        string? tablePrefix = null, string? instanceId = null, bool seed = true) =>
        RoundHarness.StartAsync(azurite, connector, clock, tablePrefix, instanceId, seed, new Dictionary<string, string?>
        {
            ["Nudges:SchedulerEnabled"] = "false",
            ["Nudges:TenantId"] = TeamsActivities.TenantId,
        });

    public static NudgeScheduler Nudges(this RoundHarness bot) => bot.App.Get<NudgeScheduler>();

    public static Task<IReadOnlyList<NudgeSend>> PollNudgesAsync(this RoundHarness bot) =>
        bot.Clock.AdvanceWhileAsync(bot.Nudges().RunDueAsync(CancellationToken.None), TimeSpan.FromMilliseconds(20));

    /// <summary>Writes the measure as changed (store and this instance's index), as a status update would.</summary>
    public static async Task<Measure> ChangeAsync(this RoundHarness bot, Measure measure, Func<Measure, Measure> change)
    {
        var saved = await bot.Store.UpdateAsync(change(measure),
            new HistoryEntry(measure.PlanId, measure.Id, bot.Clock.GetUtcNow(), "test", "test", [], null), CancellationToken.None);
        bot.App.Get<MeasureIndex>().Apply([saved]);
        return saved;
    }

    /// <summary>The nudge texts about <paramref name="measure"/> sent to a conversation.</summary>
    public static IReadOnlyList<string> NudgesAbout(this RoundHarness bot, string conversationId, Measure measure) =>
        [.. bot.MessagesTo(conversationId).Select(m => (string?)m["text"] ?? "").Where(t => t.Contains($"«{measure.Title}»", StringComparison.Ordinal))];
}
