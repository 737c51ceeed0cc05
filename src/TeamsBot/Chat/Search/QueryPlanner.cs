using System.Collections.Frozen;
using TeamsBot.Localization;

namespace TeamsBot.Chat.Search;

/// <summary>
/// Turns a query into a <see cref="QueryPlan"/> against one index. For each word, in this order:
/// a lexicon phrase starting there (the words as written, plus the concept's other phrases at
/// <see cref="LexiconWeight"/>); else the word's Norwegian or English stem (weight 1); else its æ/ø/å written as
/// ae/oe/aa (<see cref="TransliterationWeight"/>); else a hyphenated word's parts or a compound's parts, each its own
/// group (<see cref="PartWeight"/>); else the nearest vocabulary terms by edit distance (<see cref="OneEditWeight"/>,
/// <see cref="TwoEditsWeight"/>); else nothing (the group stays unmatched and lowers every measure's coverage).
/// </summary>
internal sealed class QueryPlanner(TextAnalyzer analyzer, LexiconMatcher lexicon)
{
    public const double LexiconWeight = 0.8;
    public const double TransliterationWeight = 0.95;
    public const double PartWeight = 0.9;
    public const double OneEditWeight = 0.7;
    public const double TwoEditsWeight = 0.5;
    private const int MaxTokens = 32;
    private const int MaxFuzzyTerms = 3;

    private static readonly FrozenSet<string> SoftWords = new[]
    {
        "status", "statusen", "frist", "fristen", "frister", "deadline", "deadlines", "due", "ansvar", "ansvarlig",
        "ansvarlige", "eier", "eieren", "owner", "owners", "owns", "responsible", "tiltak", "tiltaket", "tiltakene",
        "measure", "measures", "progress",
    }.ToFrozenSet(StringComparer.Ordinal);

    public QueryPlan Plan(string query, SearchIndex index)
    {
        // A word said twice is asked for once.
        var tokens = analyzer.Tokenize(query).DistinctBy(t => t.Text, StringComparer.Ordinal).Take(MaxTokens).ToList();
        var stems = tokens.Select(t => lexicon.StemsOf(t.Text)).ToList();
        var groups = new List<QueryGroup>();
        for (var i = 0; i < tokens.Count;)
        {
            if (lexicon.Match(stems, i) is { } match)
            {
                var covered = tokens.Skip(i).Take(match.Length).ToList();
                var alternatives = new List<QueryAlternative>
                {
                    new([.. covered.Select(t => Exact(t.Text, index))], 1),
                };
                alternatives.AddRange(match.Expansions.Select(slots =>
                    new QueryAlternative([.. slots.Select(slot => Resolve(slot, index))], LexiconWeight)));
                groups.Add(new QueryGroup(
                    string.Join(" ", covered.Select(t => t.Text)), alternatives, covered.All(t => SoftWords.Contains(t.Text))));
                i += match.Length;
                continue;
            }
            groups.AddRange(WordGroups(tokens[i], index));
            i++;
        }
        return new QueryPlan(groups);
    }

    private IEnumerable<QueryGroup> WordGroups(AnalyzedToken token, SearchIndex index)
    {
        var soft = SoftWords.Contains(token.Text);
        var exact = Exact(token.Text, index);
        if (exact.Length > 0)
        {
            yield return Group(token.Text, soft, new QueryAlternative([exact], 1));
            yield break;
        }
        var transliterated = Transliterated(token.Text, index);
        if (transliterated.Length > 0)
        {
            yield return Group(token.Text, soft, new QueryAlternative([transliterated], TransliterationWeight));
            yield break;
        }

        var parts = token.Parts.Count > 0 ? token.Parts : CompoundSplitter.Split(token.Text, index.IsKnownWord);
        var partsKnown = parts.Count > 0 && parts.All(p => Exact(p, index).Length > 0 || Transliterated(p, index).Length > 0);
        if (partsKnown || (parts.Count > 0 && token.Parts.Count > 0))
        {
            foreach (var part in parts) yield return PartGroup(part, soft, index);
            yield break;
        }

        var near = Near(token.Text, index, 1);
        if (near is not null)
        {
            yield return Group(token.Text, soft, near);
            yield break;
        }
        if (parts.Count > 0)
        {
            foreach (var part in parts) yield return PartGroup(part, soft, index);
            yield break;
        }
        yield return new QueryGroup(token.Text, [], soft);
    }

    private QueryGroup PartGroup(string part, bool soft, SearchIndex index)
    {
        var exact = Exact(part, index);
        if (exact.Length > 0) return Group(part, soft, new QueryAlternative([exact], PartWeight));
        var transliterated = Transliterated(part, index);
        if (transliterated.Length > 0) return Group(part, soft, new QueryAlternative([transliterated], PartWeight * TransliterationWeight));
        var alternative = Near(part, index, PartWeight);
        return alternative is null ? new QueryGroup(part, [], soft) : Group(part, soft, alternative);
    }

    private static QueryGroup Group(string text, bool soft, QueryAlternative alternative) => new(text, [alternative], soft);

    /// <summary>The index terms of the word's Norwegian and English stems.</summary>
    private int[] Exact(string word, SearchIndex index) => Resolve(lexicon.StemsOf(word), index);

    /// <summary>
    /// A word typed without æ/ø/å: "oevelser" read as "øvelser" (the stem of the ASCII spelling can differ, since the
    /// extra letter moves R1), else a term whose ASCII spelling equals the word's stem.
    /// </summary>
    private int[] Transliterated(string word, SearchIndex index)
    {
        var restored = TextAnalyzer.Untransliterate(word);
        if (restored != word && Exact(restored, index) is { Length: > 0 } found) return found;
        return [.. lexicon.StemsOf(word).SelectMany(index.Transliterated).Distinct()];
    }

    /// <summary>
    /// The index terms of a word's stems (<see cref="LexiconMatcher.StemsOf"/>): one stem both languages share counts
    /// anywhere; otherwise the Norwegian stem counts where Norwegian measures have it, the English one where English
    /// measures have it.
    /// </summary>
    private static int[] Resolve(string[] stems, SearchIndex index)
    {
        if (stems.Length == 1) return index.TermId(stems[0]) is var only and >= 0 ? [only] : [];
        var norwegian = index.TermId(stems[0], UserLanguage.Bokmal);
        var english = index.TermId(stems[1], UserLanguage.English);
        return (norwegian, english) switch
        {
            ( >= 0, >= 0) => [norwegian, english],
            ( >= 0, _) => [norwegian],
            (_, >= 0) => [english],
            _ => [],
        };
    }

    /// <summary>Typo tolerance: the nearest terms to the word's Norwegian stem (or the word itself), as one slot.</summary>
    private QueryAlternative? Near(string word, SearchIndex index, double factor)
    {
        var stem = analyzer.Stem(word, UserLanguage.Bokmal);
        var near = index.Fuzzy.Near(stem, MaxFuzzyTerms);
        if (near.Count == 0 && stem != word) near = index.Fuzzy.Near(word, MaxFuzzyTerms);
        if (near.Count == 0) return null;
        var best = near[0].Distance;
        var weight = (best == 1 ? OneEditWeight : TwoEditsWeight) * factor;
        return new QueryAlternative([[.. near.Where(n => n.Distance == best).Select(n => n.TermId)]], weight);
    }
}
