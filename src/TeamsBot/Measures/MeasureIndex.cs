using System.Collections.Immutable;

namespace TeamsBot.Measures;

/// <summary>
/// The per-instance read model chat answers come from. Readers take <see cref="Current"/> (an immutable snapshot) and
/// never block; writers build the next snapshot under a lock and publish it in one reference swap.
/// </summary>
public sealed class MeasureIndex
{
    private readonly Lock _writeLock = new();
    private volatile MeasureSnapshot _current = MeasureSnapshot.Empty;
    private volatile bool _loaded;

    public MeasureSnapshot Current => _current;

    /// <summary>True once the first full load finished; health checks report 503 until then.</summary>
    public bool IsLoaded => _loaded;

    /// <summary>
    /// Publishes a full load. Writes applied while the load was reading (this instance's own, e.g. an import) are kept
    /// when the load did not see them or saw an older version, so a slow first load cannot undo them.
    /// </summary>
    public void Load(IEnumerable<Plan> plans, IEnumerable<Measure> measures)
    {
        var loadedPlans = plans.ToImmutableDictionary(p => p.Id, StringComparer.Ordinal).ToBuilder();
        var loadedMeasures = measures.ToImmutableDictionary(m => new MeasureKey(m.PlanId, m.Id)).ToBuilder();
        lock (_writeLock)
        {
            foreach (var (id, plan) in _current.Plans)
                loadedPlans.TryAdd(id, plan);
            foreach (var (key, applied) in _current.Measures)
                if (!loadedMeasures.TryGetValue(key, out var loaded) || applied.UpdatedAt > loaded.UpdatedAt)
                    loadedMeasures[key] = applied;
            _current = new MeasureSnapshot(loadedPlans.ToImmutable(), loadedMeasures.ToImmutable());
            _loaded = true;
        }
    }

    /// <summary>Applies measures read or written since the last refresh; an older version never replaces a newer one.</summary>
    public int Apply(IEnumerable<Measure> measures)
    {
        lock (_writeLock)
        {
            var builder = _current.Measures.ToBuilder();
            var applied = 0;
            foreach (var measure in measures)
            {
                var key = new MeasureKey(measure.PlanId, measure.Id);
                if (builder.TryGetValue(key, out var known) &&
                    (known.Version == measure.Version || known.UpdatedAt > measure.UpdatedAt))
                    continue;
                builder[key] = measure;
                applied++;
            }
            if (applied > 0) _current = _current with { Measures = builder.ToImmutable() };
            return applied;
        }
    }

    public void Apply(Plan plan)
    {
        lock (_writeLock)
            _current = _current with { Plans = _current.Plans.SetItem(plan.Id, plan) };
    }
}

public readonly record struct MeasureKey(string PlanId, string MeasureId);

public sealed record MeasureSnapshot(
    ImmutableDictionary<string, Plan> Plans,
    ImmutableDictionary<MeasureKey, Measure> Measures)
{
    public static readonly MeasureSnapshot Empty = new(
        ImmutableDictionary.Create<string, Plan>(StringComparer.Ordinal),
        ImmutableDictionary<MeasureKey, Measure>.Empty);

    public Measure? Find(string planId, string measureId) =>
        Measures.GetValueOrDefault(new MeasureKey(planId, measureId));

    public IEnumerable<Measure> InPlan(string planId) =>
        Measures.Values.Where(m => m.PlanId == planId).OrderBy(m => m.Order);
}
