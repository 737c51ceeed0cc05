using TeamsBot.Measures;

namespace TeamsBot.Chat.Search;

/// <summary>
/// Ranked search over the measures of <see cref="MeasureIndex.Current"/>; the rules (ranking, confidence, lexicon) are
/// in this folder's README.md. The inverted index (text only) is built off the query path by
/// <see cref="SearchIndexKeeper"/>: while a newer snapshot's index is being built, queries match against the previous
/// one, but every hit and every filter reads the measure as the current snapshot has it, so a status written on this
/// instance shows at once.
/// </summary>
public sealed class MeasureSearch
{
    /// <summary>Queries are cut at this length: a chat question is short, and work stays bounded.</summary>
    public const int MaxQueryLength = 500;

    /// <summary>The top hit must match at least this much of the query to be shown alone.</summary>
    public const double ConfidentCoverage = 0.6;

    /// <summary>…and score at least this many times the second hit.</summary>
    public const double ConfidentLead = 1.4;

    // Ranking: BM25F score × (CoverageFloor + (1 − CoverageFloor) × coverage), and × FullMatchBonus when every word of a
    // query of two or more words matched.
    private const double CoverageFloor = 0.3;
    private const double FullMatchBonus = 1.2;

    private readonly MeasureIndex _index;
    private readonly LexiconMatcher _lexicon;
    private readonly QueryPlanner _planner;
    private readonly MeasureTextCache _texts;
    private readonly SearchIndexKeeper _keeper;
    private readonly QueryScratch.Pool _scratches = new();

    public MeasureSearch(MeasureIndex index, ILogger<MeasureSearch>? logger = null) : this(index, logger, beforeBuild: null) { }

    /// <param name="beforeBuild">Runs on the building thread before each build: lets a test hold a build back.</param>
    internal MeasureSearch(MeasureIndex index, ILogger<MeasureSearch>? logger, Action<MeasureSnapshot>? beforeBuild)
    {
        _index = index;
        Analyzer = new TextAnalyzer();
        _lexicon = new LexiconMatcher(Analyzer, DomainLexicon.Concepts);
        _planner = new QueryPlanner(Analyzer, _lexicon);
        _texts = new MeasureTextCache(Analyzer);
        _keeper = new SearchIndexKeeper(index, snapshot =>
        {
            beforeBuild?.Invoke(snapshot);
            return SearchIndex.Build(snapshot, Analyzer, _lexicon.Words(), _texts);
        }, logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    /// <summary>The index queries match against now (null before the first build), for tests and diagnostics.</summary>
    internal SearchIndex? Built => _keeper.Current;

    /// <summary>The normalization and stemming the search uses, for the intent parser.</summary>
    public TextAnalyzer Analyzer { get; }

    public IReadOnlyList<SearchHit> Search(string query, int top = 10, Func<Measure, bool>? filter = null)
    {
        if (top <= 0 || string.IsNullOrWhiteSpace(query)) return [];
        if (query.Length > MaxQueryLength) query = query[..MaxQueryLength];

        if (_keeper.Get() is not { } index) return [];
        var count = index.Documents.Length;
        var live = new LiveMeasures(index, _index.Current);
        var plan = _planner.Plan(query, index);
        if (plan.Groups.All(g => g.Alternatives.Count == 0)) return [];

        // When every word is a follow-up word ("status"), those words are the query. Ranking weighs coverage of the
        // words the index knows (a word no measure has changes no order); the reported coverage, which decides
        // confidence, counts every word.
        var countAll = plan.HardGroups == 0;
        var counted = plan.Groups.Where(g => countAll || !g.Soft).ToList();
        var coverageGroups = counted.Count;
        var rankingGroups = counted.Count(g => g.Alternatives.Any(a => a.Slots.Any(slot => slot.Length > 0)));

        var scratch = _scratches.Rent(count);
        var (total, coverage, matchedGroups, touched) = (scratch.Total, scratch.Coverage, scratch.MatchedGroups, scratch.Touched);
        try
        {
            foreach (var group in plan.Groups)
            {
                var counts = countAll || !group.Soft;
                foreach (var d in scratch.Group.Score(group, index))
                {
                    // Every slot written is in `touched`, so returning the scratch clears exactly what was used.
                    var groupScore = scratch.Group.Best[d];
                    if (groupScore <= 0) continue;
                    if (total[d] == 0) touched.Add(d);
                    total[d] += groupScore;
                    if (counts)
                    {
                        coverage[d] += scratch.Group.Quality[d];
                        matchedGroups[d]++;
                    }
                }
                scratch.Group.Reset();
            }

            // Only the best `top` are kept (a worst-first heap), never a sort of every matching measure.
            var best = new PriorityQueue<Candidate, Candidate>(Math.Min(top, count) + 1, Candidate.WorstFirst);
            foreach (var d in touched)
            {
                if (live.Of(d) is not { } measure || (filter is not null && !filter(measure))) continue;
                var covered = coverageGroups == 0 ? 0 : coverage[d] / coverageGroups;
                var rankingCovered = rankingGroups == 0 ? 0 : coverage[d] / rankingGroups;
                var score = total[d] * (CoverageFloor + (1 - CoverageFloor) * rankingCovered);
                if (rankingGroups >= 2 && matchedGroups[d] == rankingGroups) score *= FullMatchBonus;
                var candidate = new Candidate(d, measure, score, covered);
                if (best.Count < top) best.Enqueue(candidate, candidate);
                else if (Candidate.WorstFirst.Compare(candidate, best.Peek()) > 0) best.DequeueEnqueue(candidate, candidate);
            }
            var ranked = new Candidate[best.Count];
            for (var i = ranked.Length - 1; i >= 0; i--) ranked[i] = best.Dequeue();
            return [.. ranked.Select(c => new SearchHit(c.Measure, Math.Round(c.Score, 6), MatchedTerms(plan, index, c.Document))
            {
                Coverage = Math.Round(c.Coverage, 6),
            })];
        }
        finally
        {
            _scratches.Return(scratch);
        }
    }

    /// <summary>
    /// True when some measure has <paramref name="word"/> (or a form, compound part, typo neighbour or translation of
    /// it): the query planner's look-up in the term dictionary, without scoring any measure.
    /// </summary>
    public bool Knows(string word)
    {
        if (string.IsNullOrWhiteSpace(word) || word.Length > MaxQueryLength || _keeper.Get() is not { } index) return false;
        return _planner.Plan(word, index).Groups.Any(g => g.Alternatives.Any(a => a.Slots.Any(slot => slot.Length > 0)));
    }

    /// <summary>
    /// True when the chat may show the top hit alone: it matched at least <see cref="ConfidentCoverage"/> of the query
    /// and is the only hit or scores at least <see cref="ConfidentLead"/> times the second. Otherwise the chat offers
    /// the hits as candidates (or says it found nothing).
    /// </summary>
    public bool IsConfident(IReadOnlyList<SearchHit> hits)
    {
        if (hits.Count == 0 || hits[0].Coverage < ConfidentCoverage) return false;
        return hits.Count == 1 || hits[0].Score >= ConfidentLead * hits[1].Score;
    }

    private static List<string> MatchedTerms(QueryPlan plan, SearchIndex index, int document)
    {
        var matched = new List<string>();
        foreach (var group in plan.Groups)
            foreach (var alternative in group.Alternatives)
                foreach (var slot in alternative.Slots)
                    foreach (var term in slot)
                        if (index.Contains(term, document) && !matched.Contains(index.Terms[term]))
                            matched.Add(index.Terms[term]);
        return matched;
    }

    private readonly record struct Candidate(int Document, Measure Measure, double Score, double Coverage)
    {
        /// <summary>Lower score first, and of equal scores the later document: the heap's top is the one to drop.</summary>
        public static readonly Comparer<Candidate> WorstFirst = Comparer<Candidate>.Create((a, b) =>
            a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Document.CompareTo(a.Document));
    }

    /// <summary>
    /// The measure behind a document as the current snapshot has it: the index may be of an older snapshot while its
    /// successor is built, and status, deadline and owners must never come from there. Null = no longer there.
    /// </summary>
    private readonly struct LiveMeasures(SearchIndex index, MeasureSnapshot current)
    {
        private readonly bool _stale = !ReferenceEquals(index.Snapshot, current);

        public Measure? Of(int document)
        {
            var indexed = index.Documents[document];
            return _stale ? current.Find(indexed.PlanId, indexed.Id) : indexed;
        }
    }
}
