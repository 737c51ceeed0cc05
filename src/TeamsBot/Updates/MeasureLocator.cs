using TeamsBot.Measures;
using TeamsBot.Measures.Storage;

namespace TeamsBot.Updates;

/// <summary>A measure and its plan by id: from the read index, or the store when this instance has not seen it yet.</summary>
public sealed class MeasureLocator(MeasureIndex index, MeasureStore store)
{
    public async Task<(Measure Measure, Plan Plan)?> FindAsync(string planId, string measureId, CancellationToken ct)
    {
        var snapshot = index.Current;
        var measure = snapshot.Find(planId, measureId) ?? await store.GetMeasureAsync(planId, measureId, ct);
        if (measure is null) return null;
        var plan = snapshot.Plans.GetValueOrDefault(planId) ?? await store.GetPlanAsync(planId, ct);
        return plan is null ? null : (measure, plan);
    }
}
