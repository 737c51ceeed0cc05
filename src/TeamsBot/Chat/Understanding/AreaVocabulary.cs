using System.Collections.Frozen;
using TeamsBot.Chat.Search;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Understanding;

/// <summary>
/// How people name an area: by a distinctive word of its title («kommunikasjon», «operative», «rettslige rammer»,
/// "emergency response"). Built from the plans: a title word of six letters or more that no other area's title has,
/// compared by stem (Norwegian or English by the plan's language) and without æøå, so inflections and keyboards without
/// them match. Words that say nothing about a subject («felles», «nasjonal», «styrket») are not names of an area.
/// </summary>
public sealed class AreaVocabulary
{
    private const int MinWordLength = 6;

    // Title words that appear in questions for other reasons than the area ("nasjonale øvelser", "styrket beredskap").
    private static readonly FrozenSet<string> Generic = new[]
    {
        "felles", "nasjonal", "nasjonale", "tydeligere", "oppgave", "styrket", "styrking", "sikkerhet", "trygghet", "hjemme",
        "basert", "behovet", "behov", "innbyggerne", "innbyggernes", "avhengige", "forbindelse", "arbeid", "andre", "mellom",
        "politiet", "politiets", "samfunnets",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, AreaReference> _byStem;
    private const int PrefixLength = 7;

    // Title words and stems by their first seven letters: a near match must share them, so a question's word is
    // compared with a handful of words, not with every area title of every plan.
    private readonly FrozenDictionary<string, (string Word, bool IsStem, AreaReference Area)[]> _byPrefix;
    private readonly string? _sample;
    private readonly TextAnalyzer _analyzer;

    public AreaVocabulary(IEnumerable<Plan> plans, TextAnalyzer analyzer)
    {
        _analyzer = analyzer;
        var claims = new Dictionary<string, HashSet<AreaReference>>(StringComparer.Ordinal);
        foreach (var plan in plans)
            foreach (var area in plan.Areas)
                foreach (var word in ChatText.Normalize(area.Title).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (word.Length < MinWordLength || Generic.Contains(word) || StopWords.Contains(word) || word.Any(char.IsDigit)) continue;
                    var key = Key(word);
                    if (!claims.TryGetValue(key, out var areas)) claims[key] = areas = [];
                    areas.Add(new AreaReference(plan.Id, area.Id));
                }
        var titleWords = plans.SelectMany(p => p.Areas.SelectMany(a => ChatText.Normalize(a.Title).Split(' ')
                .Where(w => w.Length >= MinWordLength && !Generic.Contains(w))
                .Select(w => (Original: w, Word: Plain(w), Key: Key(w), Area: new AreaReference(p.Id, a.Id)))))
            .Where(w => claims.TryGetValue(w.Key, out var owners) && owners.Count == 1)
            .ToList();
        var byStem = claims.Where(c => c.Value.Count == 1).ToDictionary(c => c.Key, c => c.Value.Single(), StringComparer.Ordinal);
        // The search's bilingual lexicon names the areas in the other language too ("communication" → «kommunikasjon»).
        foreach (var concept in DomainLexicon.Concepts)
        {
            var words = concept.Where(phrase => !phrase.Contains(' ', StringComparison.Ordinal)).Select(Key).ToList();
            if (words.Select(w => byStem.GetValueOrDefault(w)).OfType<AreaReference>().Distinct().ToList() is not [var named]) continue;
            foreach (var word in words) byStem.TryAdd(word, named);
        }
        _byStem = byStem.ToFrozenDictionary(StringComparer.Ordinal);
        _byPrefix = titleWords.Select(w => (w.Word, IsStem: false, w.Area))
            .Concat(_byStem.Select(e => (Word: e.Key, IsStem: true, Area: e.Value)))
            .Where(w => w.Word.Length >= PrefixLength)
            .GroupBy(w => w.Word[..PrefixLength], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _sample = titleWords.FirstOrDefault(w => _byStem.ContainsKey(w.Key)).Original;
    }

    /// <summary>One word that names an area, for suggesting a question that works.</summary>
    public string? Sample() => _sample;

    /// <summary>
    /// The area the words of <paramref name="text"/> (normalized, space-separated) name, with those words removed; the
    /// area most words name wins.
    /// </summary>
    public (AreaReference? Area, string Remaining) Extract(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var found = new AreaReference?[words.Length];
        Dictionary<AreaReference, int>? votes = null;
        for (var i = 0; i < words.Length; i++)
            if ((found[i] = Find(words[i])) is { } area)
            {
                votes ??= [];
                votes[area] = votes.GetValueOrDefault(area) + 1;
            }
        if (votes is null) return (null, text);
        var best = votes.MaxBy(v => v.Value).Key;
        return (best, " " + string.Join(' ', words.Where((_, i) => found[i] != best)) + " ");
    }

    private AreaReference? Find(string word)
    {
        if (word.Length < MinWordLength - 1 || Generic.Contains(word)) return null;
        var key = Key(word);
        if (_byStem.TryGetValue(key, out var area)) return area;
        // «kommunikasjonsarbeidet»: a compound that starts with an area's word names that area; "operational" and
        // «operative», "digitalisation" and «digitalisering» share most of their stem.
        var plain = Plain(word);
        foreach (var probe in new[] { key, plain })
        {
            if (probe.Length < PrefixLength || !_byPrefix.TryGetValue(probe[..PrefixLength], out var near)) continue;
            foreach (var (candidate, isStem, candidateArea) in near)
            {
                if (isStem && probe == key && key.Length > candidate.Length && key.StartsWith(candidate, StringComparison.Ordinal)) return candidateArea;
                if (!isStem && probe == plain && plain.AsSpan().CommonPrefixLength(candidate) >= 0.75 * Math.Min(plain.Length, candidate.Length)) return candidateArea;
            }
        }
        return null;
    }

    private string Key(string word)
    {
        var norwegian = _analyzer.Stem(word);
        var english = EnglishStemmer.Stem(word);
        // The shorter stem, so a Norwegian word and its English-stemmed form meet ("response" / "responsen").
        return Plain(english.Length < norwegian.Length ? english : norwegian);
    }

    /// <summary>Without æøå, however they were typed: «håndtering», «haandtering» and «handtering» meet.</summary>
    private static string Plain(string word) => TextAnalyzer.Transliterate(word)
        .Replace("aa", "a", StringComparison.Ordinal).Replace("oe", "o", StringComparison.Ordinal).Replace("ae", "a", StringComparison.Ordinal);
}
