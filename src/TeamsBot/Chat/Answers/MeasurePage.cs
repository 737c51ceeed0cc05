using TeamsBot.Measures;

namespace TeamsBot.Chat.Answers;

/// <summary>
/// One page of an ordered list of measures: the measures on it, where it starts, how many there are in all and whether
/// they come from more than one plan.
/// </summary>
public sealed record MeasurePage(IReadOnlyList<Measure> Items, int First, int Total, bool MixesPlans)
{
    /// <summary>
    /// Page <paramref name="page"/> of <paramref name="measures"/> in <paramref name="order"/>, in one pass: only the
    /// measures up to the end of the page are kept (a bounded heap), the rest are counted, never sorted. A page past
    /// the end is empty and starts at <see cref="Total"/>.
    /// </summary>
    public static MeasurePage Select(IEnumerable<Measure> measures, IComparer<Measure> order, int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        var keep = (int)Math.Min((long)(page + 1) * pageSize, Array.MaxLength);
        var worstFirst = Comparer<Measure>.Create((a, b) => order.Compare(b, a));
        var kept = new PriorityQueue<Measure, Measure>(worstFirst);
        var total = 0;
        string? firstPlan = null;
        var mixesPlans = false;
        foreach (var measure in measures)
        {
            total++;
            firstPlan ??= measure.PlanId;
            mixesPlans |= measure.PlanId != firstPlan;
            if (kept.Count < keep) kept.Enqueue(measure, measure);
            else if (order.Compare(measure, kept.Peek()) < 0) kept.DequeueEnqueue(measure, measure);
        }

        var first = (int)Math.Min((long)page * pageSize, total);
        var items = new Measure[Math.Max(0, kept.Count - first)];
        for (var i = kept.Count - 1; i >= 0; i--)
        {
            var measure = kept.Dequeue();
            if (i >= first) items[i - first] = measure;
        }
        return new MeasurePage(items, first, total, mixesPlans);
    }

    /// <summary>A page of measures that come in order: one pass that keeps the page's measures and counts the rest.</summary>
    public static MeasurePage Of(IEnumerable<Measure> ordered, int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        var start = (long)page * pageSize;
        var items = new List<Measure>(pageSize);
        var total = 0;
        string? firstPlan = null;
        var mixesPlans = false;
        foreach (var measure in ordered)
        {
            if (total >= start && items.Count < pageSize) items.Add(measure);
            total++;
            firstPlan ??= measure.PlanId;
            mixesPlans |= measure.PlanId != firstPlan;
        }
        return new MeasurePage(items, (int)Math.Min(start, total), total, mixesPlans);
    }
}
