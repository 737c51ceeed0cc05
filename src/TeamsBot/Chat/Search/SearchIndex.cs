using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Search;

/// <summary>
/// The inverted index of one <see cref="MeasureSnapshot"/>: immutable once built, so any number of queries read it
/// at once. A posting holds the term's BM25F score in the measure, ready to add: the field frequencies, each weighted by
/// <see cref="SearchField.Weights"/> and normalized by the field's length against its average, saturated with
/// <see cref="K1"/> and multiplied by the term's idf.
/// </summary>
internal sealed class SearchIndex
{
    public const double K1 = 1.2;
    public const double B = 0.75;

    // A word known only as a part of a compound (or of a hyphenated word) counts this much of a whole word.
    private const double PartWeight = 0.6;

    private readonly Dictionary<string, int> _termIds;
    private readonly byte[] _termLanguages;
    private readonly HashSet<string> _knownWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _knownSpans;
    private readonly Lazy<Dictionary<string, int[]>> _transliterated;
    private readonly Lazy<FuzzyVocabulary> _fuzzy;

    private SearchIndex(MeasureSnapshot snapshot, Measure[] documents, string[] terms, int[][] postingDocuments, float[][] postingScores,
        byte[] termLanguages, HashSet<string> knownWords)
    {
        _termLanguages = termLanguages;
        Snapshot = snapshot;
        Documents = documents;
        Terms = terms;
        PostingDocuments = postingDocuments;
        PostingScores = postingScores;
        _knownWords = knownWords;
        _knownSpans = knownWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _termIds = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (var id = 0; id < terms.Length; id++) _termIds[terms[id]] = id;

        // Only queries with an unknown word need these: built on the first such query, not on every snapshot.
        _transliterated = new(() => terms
            .Select((term, id) => (Key: TextAnalyzer.Transliterate(term), Term: term, Id: id))
            .Where(t => t.Key != t.Term)
            .GroupBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Id).ToArray(), StringComparer.Ordinal));
        _fuzzy = new(() => new FuzzyVocabulary(terms));
    }

    public MeasureSnapshot Snapshot { get; }
    public Measure[] Documents { get; }
    public string[] Terms { get; }
    public int[][] PostingDocuments { get; }
    public float[][] PostingScores { get; }
    public FuzzyVocabulary Fuzzy => _fuzzy.Value;

    public int TermId(string term) => _termIds.GetValueOrDefault(term, -1);

    /// <summary>
    /// The term's id when a measure in <paramref name="language"/> has it: a stem only means something in the language
    /// whose stemmer made it (the English stem of "deling" is "del", a different Norwegian word).
    /// </summary>
    public int TermId(string term, UserLanguage language)
    {
        var id = TermId(term);
        return id >= 0 && (_termLanguages[id] & LanguageBit(language)) != 0 ? id : -1;
    }

    private static byte LanguageBit(UserLanguage language) => language == UserLanguage.English ? (byte)2 : (byte)1;

    /// <summary>Terms whose æ/ø/å the query wrote as ae/oe/aa.</summary>
    public IReadOnlyList<int> Transliterated(string term) => _transliterated.Value.GetValueOrDefault(term) ?? [];

    /// <summary>For the compound splitter: a word or stem of the corpus or of the lexicon.</summary>
    public bool IsKnownWord(ReadOnlySpan<char> word) => _knownSpans.Contains(word);

    /// <summary>Whether the document holds the term (postings are in document order).</summary>
    public bool Contains(int termId, int document) => Array.BinarySearch(PostingDocuments[termId], document) >= 0;

    public static SearchIndex Build(MeasureSnapshot snapshot, TextAnalyzer analyzer, IEnumerable<string> lexiconWords, MeasureTextCache texts)
    {
        var documents = snapshot.Measures.Values
            .OrderBy(m => m.PlanId, StringComparer.Ordinal).ThenBy(m => m.Order).ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToArray();
        var stems = new StemCache(analyzer);

        // Pass 1: the words of every field, and the vocabulary that compounds are split against.
        var fields = new AnalyzedToken[documents.Length][][];
        var languages = new UserLanguage[documents.Length];
        var knownWords = new HashSet<string>(lexiconWords, StringComparer.Ordinal);
        var lengthSums = new double[SearchField.Count];
        for (var d = 0; d < documents.Length; d++)
        {
            var measure = documents[d];
            languages[d] = snapshot.Plans.TryGetValue(measure.PlanId, out var plan) ? UserLanguages.FromLocale(plan.Language) : UserLanguage.Bokmal;
            fields[d] = texts.Fields(measure, plan);
            for (var f = 0; f < SearchField.Count; f++)
            {
                lengthSums[f] += fields[d][f].Length;
                foreach (var token in fields[d][f])
                {
                    if (knownWords.Add(token.Text)) knownWords.Add(stems.Get(token.Text, languages[d]));
                    foreach (var part in token.Parts) knownWords.Add(part);
                }
            }
        }
        var averageLengths = lengthSums.Select(sum => documents.Length == 0 ? 0 : sum / documents.Length).ToArray();

        // Pass 2: BM25F frequencies per document, then postings (term ids in order of first appearance).
        var known = knownWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var splits = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var postingDocs = new List<List<int>>();
        var postingTfs = new List<List<float>>();
        var termLanguages = new List<byte>();
        var local = new Dictionary<int, int>();      // term id → row in perField, for the current document
        var perField = new List<double>();           // SearchField.Count values per row
        var localTerms = new List<int>();
        for (var d = 0; d < documents.Length; d++)
        {
            local.Clear();
            perField.Clear();
            localTerms.Clear();
            var language = languages[d];
            for (var f = 0; f < SearchField.Count; f++)
                foreach (var token in fields[d][f])
                {
                    var whole = stems.Get(token.Text, language);
                    Add(whole, f, 1);
                    var parts = token.Parts.Count > 0 ? token.Parts
                        : language == UserLanguage.Bokmal ? Split(token.Text)
                        : [];
                    foreach (var part in parts)
                    {
                        var stem = stems.Get(part, language);
                        if (stem != whole) Add(stem, f, PartWeight);
                    }
                }

            for (var row = 0; row < localTerms.Count; row++)
            {
                double frequency = 0;
                for (var f = 0; f < SearchField.Count; f++)
                {
                    var tf = perField[row * SearchField.Count + f];
                    if (tf == 0) continue;
                    var norm = averageLengths[f] > 0 ? 1 - B + B * fields[d][f].Length / averageLengths[f] : 1;
                    frequency += SearchField.Weights[f] * tf / norm;
                }
                postingDocs[localTerms[row]].Add(d);
                postingTfs[localTerms[row]].Add((float)frequency);
            }

            void Add(string term, int field, double weight)
            {
                if (!termIds.TryGetValue(term, out var id))
                {
                    termIds[term] = id = postingDocs.Count;
                    postingDocs.Add([]);
                    postingTfs.Add([]);
                    termLanguages.Add(0);
                }
                termLanguages[id] |= LanguageBit(language);
                if (!local.TryGetValue(id, out var row))
                {
                    local[id] = row = localTerms.Count;
                    localTerms.Add(id);
                    for (var f = 0; f < SearchField.Count; f++) perField.Add(0);
                }
                perField[row * SearchField.Count + field] += weight;
            }
        }

        var terms = new string[termIds.Count];
        foreach (var (term, id) in termIds) terms[id] = term;
        var postingDocuments = new int[terms.Length][];
        var postingScores = new float[terms.Length][];
        for (var id = 0; id < terms.Length; id++)
        {
            var docs = postingDocs[id];
            var tfs = postingTfs[id];
            var idf = Math.Log(1 + (documents.Length - docs.Count + 0.5) / (docs.Count + 0.5));
            postingDocuments[id] = [.. docs];
            var scores = new float[tfs.Count];
            for (var p = 0; p < scores.Length; p++) scores[p] = (float)(idf * tfs[p] * (K1 + 1) / (tfs[p] + K1));
            postingScores[id] = scores;
        }
        return new SearchIndex(snapshot, documents, terms, postingDocuments, postingScores, [.. termLanguages], knownWords);

        IReadOnlyList<string> Split(string word)
        {
            if (!splits.TryGetValue(word, out var parts)) splits[word] = parts = CompoundSplitter.Split(word, known.Contains);
            return parts;
        }
    }

    /// <summary>Each distinct word is stemmed once per build.</summary>
    private sealed class StemCache(TextAnalyzer analyzer)
    {
        private readonly Dictionary<string, string> _norwegian = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _english = new(StringComparer.Ordinal);

        public string Get(string word, UserLanguage language)
        {
            var cache = language == UserLanguage.English ? _english : _norwegian;
            if (!cache.TryGetValue(word, out var stem)) cache[word] = stem = analyzer.Stem(word, language);
            return stem;
        }
    }
}
