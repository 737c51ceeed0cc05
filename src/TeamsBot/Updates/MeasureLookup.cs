using TeamsBot.Chat.Search;
using TeamsBot.Measures;

namespace TeamsBot.Updates;

/// <summary>One measure when the name was clear, else the candidates to choose from (none = nothing matched).</summary>
public sealed record LookupResult(Measure? Match, IReadOnlyList<Measure> Candidates);

/// <summary>
/// Finds the measure a chat command names: an exact id, alias or title first (case-insensitive; an alias such as
/// PLIVO may name measures in several plans), then the chat's ranked search, taken alone only when it is confident.
/// </summary>
public sealed class MeasureLookup(MeasureIndex index, MeasureSearch search)
{
    public const int MaxCandidates = 5;

    public LookupResult Find(string query)
    {
        var text = query.Trim();
        var measures = index.Current.All;
        foreach (var exact in new Func<Measure, bool>[]
                 {
                     m => Same(m.Id, text),
                     m => m.Aliases.Any(a => Same(a, text)),
                     m => Same(m.Title, text),
                 })
        {
            var found = measures.Where(exact).OrderBy(m => m.PlanId, StringComparer.Ordinal).ThenBy(m => m.Order).ToList();
            if (found.Count == 1) return new LookupResult(found[0], found);
            if (found.Count > 1) return new LookupResult(null, [.. found.Take(MaxCandidates)]);
        }

        var hits = search.Search(text, MaxCandidates);
        if (search.IsConfident(hits)) return new LookupResult(hits[0].Measure, [hits[0].Measure]);
        return new LookupResult(null, [.. hits.Select(h => h.Measure)]);
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);
}
