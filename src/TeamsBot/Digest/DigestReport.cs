using TeamsBot.Measures;

namespace TeamsBot.Digest;

/// <summary>The figures of one brief, computed before any card is drawn (so tests can check them directly).</summary>
public sealed record DigestReport(
    IsoWeek Week,
    DateOnly Today,
    DateTimeOffset ChangesSince,
    IReadOnlyList<PlanSummary> Plans,
    IReadOnlyList<MeasureChangeLine> Changes,
    IReadOnlyList<Measure> Overdue,
    IReadOnlyList<Measure> DueSoon,
    IReadOnlyList<Measure> Stale)
{
    /// <summary>The open status rounds on the brief's plans, with their response rates.</summary>
    public IReadOnlyList<OpenRoundRate> Rounds { get; init; } = [];
}

public sealed record PlanSummary(Plan Plan, StatusCounts Counts, IReadOnlyList<AreaSummary> Areas);

public sealed record AreaSummary(Area Area, StatusCounts Counts);

/// <summary>One history row worth telling: a status move, a new remark, or another edit, on a measure the brief covers.</summary>
public sealed record MeasureChangeLine(Measure Measure, HistoryEntry Entry, MeasureStatus? From, MeasureStatus? To, bool RemarkChanged);
