namespace TeamsBot.Measures;

/// <summary>How many measures have each status, and how many of them are past their deadline.</summary>
public sealed record StatusCounts(IReadOnlyDictionary<MeasureStatus, int> ByStatus, int Overdue)
{
    // Done first, then under way, then not started: the order a reader weighs progress in.
    private static readonly MeasureStatus[] ProgressOrder =
        [MeasureStatus.Implemented, MeasureStatus.InProgress, MeasureStatus.UnderPlanning, MeasureStatus.Recommended];

    public int Total => ByStatus.Values.Sum();

    public static StatusCounts Of(IEnumerable<Measure> measures, DateOnly today)
    {
        var list = measures as IReadOnlyCollection<Measure> ?? [.. measures];
        return new(list.GroupBy(m => m.Status).ToDictionary(g => g.Key, g => g.Count()), list.Count(m => m.IsOverdue(today)));
    }

    /// <summary>The statuses that occur, in lifecycle order (recommended → implemented).</summary>
    public IEnumerable<(MeasureStatus Status, int Count)> InLifecycleOrder =>
        Enum.GetValues<MeasureStatus>().Where(ByStatus.ContainsKey).Select(s => (s, ByStatus[s]));

    /// <summary>The statuses that occur, implemented first.</summary>
    public IEnumerable<(MeasureStatus Status, int Count)> InProgressOrder =>
        ProgressOrder.Where(ByStatus.ContainsKey).Select(s => (s, ByStatus[s]));
}
