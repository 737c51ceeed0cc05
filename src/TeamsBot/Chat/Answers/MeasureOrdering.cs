using TeamsBot.Measures;

namespace TeamsBot.Chat.Answers;

/// <summary>The order the chat lists measures in: what is late first, then what is due soonest.</summary>
public static class MeasureOrdering
{
    /// <summary>
    /// Overdue measures first (the longest overdue on top), then the others by deadline (soonest first, none last),
    /// then by plan and the measure's place in its plan.
    /// </summary>
    public static IReadOnlyList<Measure> ForLists(IEnumerable<Measure> measures, DateOnly today) =>
    [
        .. measures
            .OrderBy(m => m.IsOverdue(today) ? 0 : 1)
            .ThenBy(m => m.Deadline is null ? 1 : 0)
            .ThenBy(m => m.Deadline)
            .ThenBy(m => m.PlanId, StringComparer.Ordinal)
            .ThenBy(m => m.Order)
            .ThenBy(m => m.Id, StringComparer.Ordinal),
    ];
}
