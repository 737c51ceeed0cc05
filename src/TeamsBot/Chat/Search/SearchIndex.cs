using TeamsBot.Measures;
using TeamsBot.Measures.Import;

namespace TeamsBot.Chat.Search;

/// <summary>
/// The inverted index of one <see cref="MeasureSnapshot"/>: immutable once built, so any number of queries read it
/// at once. Each posting holds the measure's BM25F term frequency: the field frequencies, each weighted by
/// <see cref="SearchField.Weights"/> and normalized by the field's length against its average length.
/// </summary>
internal sealed class SearchIndex
{
    public const double K1 = 1.2;
    public const double B = 0.75;

    // A word known only as a part of a compound (or of a hyphenated word) counts this much of a whole word.
    private const float PartWeight = 0.6f;

    private readonly Dictionary<string, int> _termIds;
    private readonly HashSet<string> _knownWords;
    private readonly Dictionary<string, int[]> _transliterated;

    private SearchIndex(
        MeasureSnapshot snapshot, Measure[] documents, string[] terms, int[][] postingDocuments, float[][] postingFrequencies,
        HashSet<string> knownWords)
    {
        Snapshot = snapshot;
        Documents = documents;
        Terms = terms;
        PostingDocuments = postingDocuments;
        PostingFrequencies = postingFrequencies;
        _knownWords = knownWords;
        _termIds = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (var id = 0; id < terms.Length; id++) _termIds[terms[id]] = id;

        Idf = new double[terms.Length];
        for (var id = 0; id < terms.Length; id++)
        {
            var df = postingDocuments[id].Length;
            Idf[id] = Math.Log(1 + (documents.Length - df + 0.5) / (df + 0.5));
        }

        _transliterated = terms
            .Select((term, id) => (Key: TextAnalyzer.Transliterate(term), Term: term, Id: id))
            .Where(t => t.Key != t.Term)
            .GroupBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Id).ToArray(), StringComparer.Ordinal);
        Fuzzy = new FuzzyVocabulary(terms);
    }

    public MeasureSnapshot Snapshot { get; }
    public Measure[] Documents { get; }
    public string[] Terms { get; }
    public int[][] PostingDocuments { get; }
    public float[][] PostingFrequencies { get; }
    public double[] Idf { get; }
    public FuzzyVocabulary Fuzzy { get; }

    public int TermId(string term) => _termIds.GetValueOrDefault(term, -1);

    /// <summary>Terms whose æ/ø/å the query wrote as ae/oe/aa.</summary>
    public IReadOnlyList<int> Transliterated(string term) => _transliterated.GetValueOrDefault(term) ?? [];

    /// <summary>For the compound splitter: a word of the corpus or of the lexicon, as written or by its stem.</summary>
    public bool IsKnownWord(string word) => _knownWords.Contains(word) || _knownWords.Contains(NorwegianStemmer.Stem(word));

    /// <summary>The BM25 score of a term in a document, from a posting's stored frequency.</summary>
    public double Score(int termId, float frequency) => Idf[termId] * frequency * (K1 + 1) / (frequency + K1);

    /// <summary>Whether the document holds the term (postings are in document order).</summary>
    public bool Contains(int termId, int document) => Array.BinarySearch(PostingDocuments[termId], document) >= 0;

    public static SearchIndex Build(MeasureSnapshot snapshot, TextAnalyzer analyzer, IEnumerable<string> lexiconWords)
    {
        var documents = snapshot.Measures.Values
            .OrderBy(m => m.PlanId, StringComparer.Ordinal).ThenBy(m => m.Order).ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToArray();

        // Pass 1: the words of every field, and the vocabulary that compounds are split against.
        var fields = new AnalyzedToken[documents.Length][][];
        var languages = new string[documents.Length];
        var knownWords = new HashSet<string>(lexiconWords, StringComparer.Ordinal);
        var lengthSums = new double[SearchField.Count];
        for (var d = 0; d < documents.Length; d++)
        {
            var measure = documents[d];
            languages[d] = snapshot.Plans.TryGetValue(measure.PlanId, out var plan) && plan.Language == TextAnalyzer.English
                ? TextAnalyzer.English
                : TextAnalyzer.Norwegian;
            fields[d] = [.. FieldTexts(measure, plan).Select(text => analyzer.Tokenize(text).ToArray())];
            for (var f = 0; f < SearchField.Count; f++)
            {
                lengthSums[f] += fields[d][f].Length;
                foreach (var token in fields[d][f])
                {
                    knownWords.Add(token.Text);
                    knownWords.Add(analyzer.Stem(token.Text, languages[d]));
                    foreach (var part in token.Parts) knownWords.Add(part);
                }
            }
        }
        var averageLengths = lengthSums.Select(sum => documents.Length == 0 ? 0 : sum / documents.Length).ToArray();

        // Pass 2: the postings.
        var knownCache = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool IsKnown(string word)
        {
            if (!knownCache.TryGetValue(word, out var known))
                knownCache[word] = known = knownWords.Contains(word) || knownWords.Contains(NorwegianStemmer.Stem(word));
            return known;
        }
        var splits = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var postings = new Dictionary<string, (List<int> Documents, List<float> Frequencies)>(StringComparer.Ordinal);
        var frequencies = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Length; d++)
        {
            frequencies.Clear();
            var language = languages[d];
            void Add(string term, int field, double weight)
            {
                if (!frequencies.TryGetValue(term, out var perField)) frequencies[term] = perField = new double[SearchField.Count];
                perField[field] += weight;
            }

            for (var f = 0; f < SearchField.Count; f++)
                foreach (var token in fields[d][f])
                {
                    var whole = analyzer.Stem(token.Text, language);
                    Add(whole, f, 1);
                    var parts = token.Parts.Count > 0 ? token.Parts
                        : language == TextAnalyzer.Norwegian ? SplitCached(token.Text)
                        : [];
                    foreach (var part in parts)
                    {
                        var stem = analyzer.Stem(part, language);
                        if (stem != whole) Add(stem, f, PartWeight);
                    }
                }

            foreach (var (term, perField) in frequencies)
            {
                double frequency = 0;
                for (var f = 0; f < SearchField.Count; f++)
                {
                    if (perField[f] == 0) continue;
                    var norm = averageLengths[f] > 0 ? 1 - B + B * fields[d][f].Length / averageLengths[f] : 1;
                    frequency += SearchField.Weights[f] * perField[f] / norm;
                }
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = ([], []);
                list.Documents.Add(d);
                list.Frequencies.Add((float)frequency);
            }
        }

        var terms = postings.Keys.ToArray();
        return new SearchIndex(
            snapshot, documents, terms,
            [.. terms.Select(t => postings[t].Documents.ToArray())],
            [.. terms.Select(t => postings[t].Frequencies.ToArray())],
            knownWords);

        IReadOnlyList<string> SplitCached(string word)
        {
            if (!splits.TryGetValue(word, out var parts)) splits[word] = parts = CompoundSplitter.Split(word, IsKnown);
            return parts;
        }
    }

    /// <summary>The text of each <see cref="SearchField"/>, in field order.</summary>
    private static string[] FieldTexts(Measure measure, Plan? plan)
    {
        var area = plan?.Areas.FirstOrDefault(a => a.Id == measure.AreaId)?.Title ?? "";
        // An owner is found by its short name, its full name and the ways plans write it ("PST", "Politiets
        // sikkerhetstjeneste", "Police Security Service").
        var owners = string.Join(" ", measure.Owners.Select(owner =>
            OwnerUnits.All.FirstOrDefault(u => string.Equals(u.Name, owner, StringComparison.OrdinalIgnoreCase)) is { } unit
                ? string.Join(" ", unit.Aliases.Prepend(unit.FullName).Prepend(unit.Name).Distinct())
                : owner));
        return [string.Join(" ", measure.Aliases), measure.Title, area, owners, measure.Remark];
    }
}
