using System.Collections.Immutable;
using TeamsBot.Localization;

namespace TeamsBot.Chat.Search;

/// <summary>
/// <see cref="DomainLexicon"/> prepared for matching a query: every phrase as a row of word slots, each slot the word's
/// Norwegian and English stems, so that "guidelines" meets "guideline" and "retningslinjene" meets "retningslinje".
/// Built once; read-only afterwards.
/// </summary>
internal sealed class LexiconMatcher
{
    private readonly TextAnalyzer _analyzer;
    private readonly List<IReadOnlyList<string[][]>> _concepts;
    private readonly Dictionary<string, List<(int Concept, int Phrase)>> _byFirstStem = new(StringComparer.Ordinal);

    public LexiconMatcher(TextAnalyzer analyzer, IEnumerable<ImmutableArray<string>> concepts)
    {
        _analyzer = analyzer;
        var prepared = new List<IReadOnlyList<string[][]>>();
        foreach (var concept in concepts)
        {
            var phrases = concept.Select(Slots).Where(slots => slots.Length > 0).ToList();
            for (var p = 0; p < phrases.Count; p++)
                foreach (var stem in phrases[p][0])
                {
                    if (!_byFirstStem.TryGetValue(stem, out var list)) _byFirstStem[stem] = list = [];
                    list.Add((prepared.Count, p));
                }
            prepared.Add(phrases);
        }
        _concepts = prepared;
    }

    /// <summary>Every word of every phrase, for the compound splitter's vocabulary.</summary>
    public IEnumerable<string> Words() => _concepts.SelectMany(c => c).SelectMany(p => p).SelectMany(slot => slot);

    /// <summary>A phrase's words as slots of stems (stop words left out, as on the query side).</summary>
    public string[][] Slots(string phrase) =>
        [.. _analyzer.Tokenize(phrase).Select(token => StemsOf(token.Text))];

    /// <summary>The word's Norwegian stem, then its English stem when that differs.</summary>
    public string[] StemsOf(string word)
    {
        var nb = _analyzer.Stem(word, UserLanguage.Bokmal);
        var en = _analyzer.Stem(word, UserLanguage.English);
        return nb == en ? [nb] : [nb, en];
    }

    /// <summary>
    /// The longest phrase that starts at <paramref name="position"/> of the query: how many query words it covers and
    /// the other phrases of its concepts (as slots). Null when no phrase starts there.
    /// </summary>
    public LexiconMatch? Match(IReadOnlyList<string[]> queryStems, int position)
    {
        var bestLength = 0;
        var concepts = new List<(int Concept, int Phrase)>();
        foreach (var stem in queryStems[position])
        {
            if (!_byFirstStem.TryGetValue(stem, out var candidates)) continue;
            foreach (var (concept, phrase) in candidates)
            {
                var slots = _concepts[concept][phrase];
                if (!Matches(slots, queryStems, position)) continue;
                if (slots.Length > bestLength) { bestLength = slots.Length; concepts.Clear(); }
                if (slots.Length == bestLength && !concepts.Contains((concept, phrase))) concepts.Add((concept, phrase));
            }
        }
        if (bestLength == 0) return null;

        var others = new List<string[][]>();
        foreach (var (concept, matched) in concepts)
            for (var p = 0; p < _concepts[concept].Count; p++)
                if (p != matched) others.Add(_concepts[concept][p]);
        return new LexiconMatch(bestLength, others);
    }

    private static bool Matches(string[][] slots, IReadOnlyList<string[]> queryStems, int position)
    {
        if (position + slots.Length > queryStems.Count) return false;
        for (var i = 0; i < slots.Length; i++)
            if (!slots[i].Intersect(queryStems[position + i], StringComparer.Ordinal).Any()) return false;
        return true;
    }
}

/// <summary>A lexicon phrase found in a query: how many query words it covers, and what it may also be written as.</summary>
internal sealed record LexiconMatch(int Length, IReadOnlyList<string[][]> Expansions);
