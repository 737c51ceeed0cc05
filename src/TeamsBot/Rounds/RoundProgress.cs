using TeamsBot.Measures;
using TeamsBot.Measures.Storage;

namespace TeamsBot.Rounds;

/// <summary>One owner's part of a round: which of its measures have been answered (updated or confirmed) since it started.</summary>
public sealed record OwnerProgress(RoundOwner Owner, IReadOnlyList<Measure> Answered, IReadOnlyList<Measure> Outstanding)
{
    public bool HasAnswered => Outstanding.Count == 0;
}

/// <summary>A round as it stands: its plan, its owners' progress, and the measures answered.</summary>
public sealed record RoundProgress(Round Round, Plan Plan, IReadOnlyList<OwnerProgress> Owners, IReadOnlySet<string> AnsweredMeasureIds)
{
    public int OwnersAnswered => Owners.Count(o => o.HasAnswered);

    public int MeasuresOutstanding => Owners.SelectMany(o => o.Outstanding).Select(m => m.Id).Distinct(StringComparer.Ordinal).Count();
}

/// <summary>
/// Reads a round's progress. "Answered" is derived from the measures' history since the round started (any row not
/// from an import: the form's updates and the round's confirmations), never kept as a flag that could drift from it.
/// </summary>
public sealed class RoundProgressReader(RoundStore rounds, MeasureStore measures, MeasureIndex index)
{
    public const string ImportSource = "import";

    public async Task<RoundProgress?> ReadAsync(Round round, CancellationToken ct)
    {
        var snapshot = index.Current;
        var plan = snapshot.Plans.GetValueOrDefault(round.PlanId) ?? await measures.GetPlanAsync(round.PlanId, ct);
        if (plan is null) return null;
        var ownersRead = rounds.GetOwnersAsync(round.Id, ct);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entry in measures.GetHistorySinceAsync(round.StartedAt, ct))
            if (entry.PlanId == round.PlanId && entry.Source != ImportSource) answered.Add(entry.MeasureId);

        var progress = new List<OwnerProgress>();
        foreach (var owner in (await ownersRead).OrderBy(o => o.Unit, StringComparer.CurrentCulture))
        {
            var ofOwner = owner.MeasureIds.Select(id => snapshot.Find(round.PlanId, id)).OfType<Measure>().ToList();
            progress.Add(new OwnerProgress(owner, [.. ofOwner.Where(m => answered.Contains(m.Id))], [.. ofOwner.Where(m => !answered.Contains(m.Id))]));
        }
        return new RoundProgress(round, plan, progress, answered);
    }
}
