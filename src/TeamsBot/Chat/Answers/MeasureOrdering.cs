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

    /// <summary>
    /// The snapshot's measures in this order without sorting them: <see cref="MeasureSnapshot.ByDeadline"/> is the order
    /// of everything not overdue, and the measures whose deadline has passed are a prefix of it, so the overdue ones are
    /// that prefix without the implemented, followed by the prefix's implemented and then the rest.
    /// </summary>
    public static IEnumerable<Measure> ForLists(MeasureSnapshot snapshot, DateOnly today)
    {
        var byDeadline = snapshot.ByDeadline;
        var passed = CountPassed(byDeadline, today);
        for (var i = 0; i < passed; i++)
            if (byDeadline[i].Status != MeasureStatus.Implemented) yield return byDeadline[i];
        for (var i = 0; i < passed; i++)
            if (byDeadline[i].Status == MeasureStatus.Implemented) yield return byDeadline[i];
        for (var i = passed; i < byDeadline.Count; i++) yield return byDeadline[i];
    }

    /// <summary>How many measures at the start of the deadline order have a deadline before today (binary search).</summary>
    private static int CountPassed(IReadOnlyList<Measure> byDeadline, DateOnly today)
    {
        int low = 0, high = byDeadline.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (byDeadline[mid].Deadline is { } deadline && deadline < today) low = mid + 1;
            else high = mid;
        }
        return low;
    }

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
