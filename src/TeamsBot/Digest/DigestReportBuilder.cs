using Microsoft.Extensions.Options;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Digest;

/// <summary>Computes a brief from a measure snapshot and the history written since the previous brief.</summary>
public sealed class DigestReportBuilder(IOptions<DigestOptions> options)
{
    public DigestReport Build(MeasureSnapshot snapshot, IReadOnlyList<HistoryEntry> history, DigestFilter filter, DateTimeOffset now, DateTimeOffset changesSince,
        IReadOnlyList<OpenRoundRate>? rounds = null)
    {
        var o = options.Value;
        var today = OsloClock.DateOf(now);
        var measures = snapshot.All
            .Where(m => snapshot.Plans.ContainsKey(m.PlanId) && filter.Includes(m.PlanId, m.AreaId))
            .OrderBy(m => snapshot.Plans[m.PlanId].StartDate).ThenBy(m => m.PlanId, StringComparer.Ordinal).ThenBy(m => m.Order)
            .ToList();

        var plans = measures.GroupBy(m => m.PlanId).Select(g =>
        {
            var plan = snapshot.Plans[g.Key];
            var areas = plan.Areas
                .Select(a => new AreaSummary(a, StatusCounts.Of(g.Where(m => m.AreaId == a.Id), today)))
                .Where(a => a.Counts.Total > 0)
                .ToList();
            return new PlanSummary(plan, StatusCounts.Of(g, today), areas);
        }).ToList();

        var covered = measures.Select(m => new MeasureKey(m.PlanId, m.Id)).ToHashSet();
        var changes = history
            .Where(h => h.At >= changesSince && h.At <= now)
            .Select(h => (Entry: h, Measure: snapshot.Find(h.PlanId, h.MeasureId)))
            .Where(x => x.Measure is not null && covered.Contains(new MeasureKey(x.Measure.PlanId, x.Measure.Id)))
            .Select(x => ToLine(x.Measure!, x.Entry))
            .OrderByDescending(c => c.Entry.At)
            .ToList();

        var staleBefore = now - o.StaleAfter;
        return new DigestReport(
            DigestSchedule.WeekAt(now),
            today,
            changesSince,
            plans,
            changes,
            measures.Where(m => m.IsOverdue(today)).OrderBy(m => m.Deadline).ToList(),
            measures.Where(m => m.Status != MeasureStatus.Implemented && m.Deadline is { } d && d >= today && d <= today.AddDays(o.DueSoonDays))
                .OrderBy(m => m.Deadline).ToList(),
            measures.Where(m => m.Status != MeasureStatus.Implemented && m.UpdatedAt < staleBefore).OrderBy(m => m.UpdatedAt).ToList())
        {
            Rounds = [.. (rounds ?? []).Where(r => snapshot.Plans.ContainsKey(r.PlanId) && (filter.PlanIds.Count == 0 || filter.PlanIds.Contains(r.PlanId)))],
        };
    }

    private static MeasureChangeLine ToLine(Measure measure, HistoryEntry entry)
    {
        var status = entry.Changes.FirstOrDefault(c => string.Equals(c.Field, "status", StringComparison.OrdinalIgnoreCase));
        return new MeasureChangeLine(
            measure,
            entry,
            ParseStatus(status?.Old),
            ParseStatus(status?.New),
            entry.Changes.Any(c => string.Equals(c.Field, "remark", StringComparison.OrdinalIgnoreCase)) || !string.IsNullOrWhiteSpace(entry.Comment));
    }

    private static MeasureStatus? ParseStatus(string? value) =>
        Enum.TryParse<MeasureStatus>(value, out var s) ? s : StatusLabels.TryParse(value, out var l) ? l : null;
}
