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

    // Derived once per snapshot: walking an immutable dictionary of 10,000 measures costs milliseconds, an array
    // microseconds. Computing twice in a race gives the same result, so no lock.
    private Measure[]? _all;
    private ILookup<string, Measure>? _byPlan;
    private Dictionary<string, int>? _positionById;
    private Measure[]? _byDeadline;

    // `with` must not carry the derived views of the snapshot it copies.
    private MeasureSnapshot(MeasureSnapshot original)
    {
        Plans = original.Plans;
        Measures = original.Measures;
    }

    /// <summary>Every measure, as a flat list for scans.</summary>
    public IReadOnlyList<Measure> All => _all ??= Measures.Values.ToArray();

    /// <summary>
    /// Every measure by deadline (soonest first, none last), then plan, place in the plan and id: sorted once per
    /// snapshot, so a list walks it instead of sorting its matches per question.
    /// </summary>
    public IReadOnlyList<Measure> ByDeadline => _byDeadline ??=
    [
        .. All.OrderBy(m => m.Deadline is null).ThenBy(m => m.Deadline)
            .ThenBy(m => m.PlanId, StringComparer.Ordinal).ThenBy(m => m.Order).ThenBy(m => m.Id, StringComparer.Ordinal),
    ];

    public Measure? Find(string planId, string measureId) =>
        Measures.GetValueOrDefault(new MeasureKey(planId, measureId));

    /// <summary>
    /// Of the measures whose id (any case) is one of <paramref name="ids"/>, the first in <see cref="All"/>: a lookup per
    /// id instead of a scan of every measure.
    /// </summary>
    public Measure? FirstWithIdIn(IEnumerable<string> ids)
    {
        var positions = _positionById ??= PositionsById(All);
        var first = int.MaxValue;
        foreach (var id in ids)
            if (positions.TryGetValue(id, out var position) && position < first) first = position;
        return first == int.MaxValue ? null : All[first];
    }

    private static Dictionary<string, int> PositionsById(IReadOnlyList<Measure> all)
    {
        var positions = new Dictionary<string, int>(all.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < all.Count; i++) positions.TryAdd(all[i].Id, i);
        return positions;
    }

    /// <summary>A plan's measures in plan order.</summary>
    public IEnumerable<Measure> InPlan(string planId) =>
        (_byPlan ??= All.OrderBy(m => m.Order).ToLookup(m => m.PlanId, StringComparer.Ordinal))[planId];
}
