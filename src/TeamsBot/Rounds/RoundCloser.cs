using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Rounds;

/// <summary>The closing of a round: its summary card and the plan's export in the source document's table format.</summary>
public sealed record RoundClosing(Round Round, AdaptiveCard Summary, RoundExport Export);

/// <summary>
/// Closes a round once, whoever asks (a coordinator, or the deadline on any instance): the conditional write of the
/// round row decides, and only the winner gets the summary to send.
/// </summary>
public sealed class RoundCloser(RoundStore rounds, RoundProgressReader progress, MeasureIndex index, TimeProvider time, ILogger<RoundCloser> logger)
{
    public async Task<RoundClosing?> CloseAsync(Round round, string closedBy, CancellationToken ct)
    {
        if (await rounds.TryCloseAsync(round, time.GetUtcNow(), closedBy, ct) is not { } closed) return null;
        logger.LogInformation("Status round {RoundId} on {PlanId} closed by {ClosedBy}", closed.Id, closed.PlanId, closedBy);
        var view = await progress.ReadAsync(closed, ct);
        if (view is null) return null;
        var planMeasures = index.Current.Measures.Values.Where(m => m.PlanId == closed.PlanId).ToList();
        var summary = RoundCards.Summary(view, planMeasures, OsloClock.DateOf(time.GetUtcNow()), closed.Language);
        return new RoundClosing(closed, summary, RoundExport.For(closed, view.Plan, planMeasures));
    }
}
