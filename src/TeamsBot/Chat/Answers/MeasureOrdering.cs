using TeamsBot.Measures;

namespace TeamsBot.Chat.Answers;

/// <summary>The order the chat lists measures in: what is late first, then what is due soonest.</summary>
public static class MeasureOrdering
{
    /// <summary>
    /// Overdue measures first (the longest overdue on top), then the others by deadline (soonest first, none last),
    /// then by plan and the measure's place in its plan.
    /// </summary>
    public static IReadOnlyList<Measure> ForLists(IEnumerable<Measure> measures, DateOnly today) => [.. measures.Order(ForLists(today))];

    /// <summary>The same order as a comparer: total (plan and id break every tie), so pages never overlap or skip.</summary>
    public static IComparer<Measure> ForLists(DateOnly today) => Comparer<Measure>.Create((a, b) =>
    {
        var c = a.IsOverdue(today).CompareTo(b.IsOverdue(today));
        if (c != 0) return -c;
        c = (a.Deadline is null).CompareTo(b.Deadline is null);
        if (c != 0) return c;
        c = Nullable.Compare(a.Deadline, b.Deadline);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.PlanId, b.PlanId);
        if (c != 0) return c;
        c = a.Order.CompareTo(b.Order);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    });
}
