namespace TeamsBot.Chat.Search;

/// <summary>
/// Finds vocabulary terms within a small edit distance of a misspelt query term. Built once per index: a trigram
/// posting list per trigram of each term (padded at both ends). A candidate must share enough trigrams with the query
/// term (each edit destroys at most four) before the exact distance is computed; short terms fall back to comparing
/// against the terms of nearby lengths.
/// </summary>
internal sealed class FuzzyVocabulary
{
    public const int MinLength = 4;
    public const int MinLengthForTwoEdits = 8;

    private readonly IReadOnlyList<string> _terms;
    private readonly Dictionary<long, int[]> _byTrigram;
    private readonly Dictionary<int, int[]> _byLength;

    public FuzzyVocabulary(IReadOnlyList<string> terms)
    {
        _terms = terms;
        var byTrigram = new Dictionary<long, List<int>>();
        var byLength = new Dictionary<int, List<int>>();
        for (var id = 0; id < terms.Count; id++)
        {
            var term = terms[id];
            if (term.Length < MinLength - 1 || term.Any(char.IsDigit)) continue;
            if (!byLength.TryGetValue(term.Length, out var sameLength)) byLength[term.Length] = sameLength = [];
            sameLength.Add(id);
            foreach (var gram in Trigrams(term).Distinct())
            {
                if (!byTrigram.TryGetValue(gram, out var list)) byTrigram[gram] = list = [];
                list.Add(id);
            }
        }
        _byTrigram = byTrigram.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        _byLength = byLength.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    /// <summary>How many edits a term of this length may be away: 0 below 4 letters, 1 from 4, 2 from 8.</summary>
    public static int AllowedDistance(string term) =>
        term.Length >= MinLengthForTwoEdits ? 2 : term.Length >= MinLength ? 1 : 0;

    /// <summary>Term ids within the allowed distance (never 0: exact matches are not typos), nearest first.</summary>
    public IReadOnlyList<(int TermId, int Distance)> Near(string term, int limit)
    {
        var max = AllowedDistance(term);
        if (max == 0 || term.Any(char.IsDigit)) return [];

        var found = new List<(int TermId, int Distance)>();
        foreach (var id in Candidates(term, max))
        {
            var candidate = _terms[id];
            if (Math.Abs(candidate.Length - term.Length) > max) continue;
            var distance = EditDistance.Bounded(term, candidate, max);
            if (distance >= 1 && distance <= max) found.Add((id, distance));
        }
        return [.. found.OrderBy(f => f.Distance).ThenBy(f => _terms[f.TermId], StringComparer.Ordinal).Take(limit)];
    }

    private IEnumerable<int> Candidates(string term, int max)
    {
        var grams = Trigrams(term).Distinct().ToList();
        var required = grams.Count - 4 * max;
        if (required <= 0)
        {
            for (var length = term.Length - max; length <= term.Length + max; length++)
                if (_byLength.TryGetValue(length, out var ids))
                    foreach (var id in ids) yield return id;
            yield break;
        }

        var shared = new Dictionary<int, int>();
        foreach (var gram in grams)
            if (_byTrigram.TryGetValue(gram, out var ids))
                foreach (var id in ids)
                    shared[id] = shared.GetValueOrDefault(id) + 1;
        foreach (var (id, count) in shared)
            if (count >= required) yield return id;
    }

    /// <summary>The term's trigrams, padded with a start and an end mark, each packed into a number.</summary>
    private static List<long> Trigrams(string term)
    {
        var grams = new List<long>(term.Length);
        for (var k = 0; k < term.Length; k++)
        {
            long before = k == 0 ? 2 : term[k - 1], after = k + 1 < term.Length ? term[k + 1] : 3;
            grams.Add((before << 32) | ((long)term[k] << 16) | after);
        }
        return grams;
    }
}
