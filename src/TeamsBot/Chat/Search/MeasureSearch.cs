using System.Buffers;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Search;

/// <summary>
/// Ranked search over the measures of <see cref="MeasureIndex.Current"/>; the rules (ranking, confidence, lexicon) are
/// in this folder's README.md. The inverted index is built for a snapshot on the first query that sees it and reused
/// until the snapshot changes; queries never block each other, only a query that meets a new snapshot waits for its
/// build.
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
    private readonly Lock _buildLock = new();
    private volatile SearchIndex? _built;

    public MeasureSearch(MeasureIndex index)
    {
        _index = index;
        Analyzer = new TextAnalyzer();
        _lexicon = new LexiconMatcher(Analyzer, DomainLexicon.Concepts);
        _planner = new QueryPlanner(Analyzer, _lexicon);
        _texts = new MeasureTextCache(Analyzer);
    }

    /// <summary>The normalization and stemming the search uses, for the intent parser.</summary>
    public TextAnalyzer Analyzer { get; }

    public IReadOnlyList<SearchHit> Search(string query, int top = 10, Func<Measure, bool>? filter = null)
    {
        if (top <= 0 || string.IsNullOrWhiteSpace(query)) return [];
        if (query.Length > MaxQueryLength) query = query[..MaxQueryLength];

        var index = CurrentIndex();
        var count = index.Documents.Length;
        if (count == 0) return [];
        var plan = _planner.Plan(query, index);
        if (plan.Groups.All(g => g.Alternatives.Count == 0)) return [];

        // When every word is a follow-up word ("status"), those words are the query. Ranking weighs coverage of the
        // words the index knows (a word no measure has changes no order); the reported coverage, which decides
        // confidence, counts every word.
        var countAll = plan.HardGroups == 0;
        var counted = plan.Groups.Where(g => countAll || !g.Soft).ToList();
        var coverageGroups = counted.Count;
        var rankingGroups = counted.Count(g => g.Alternatives.Any(a => a.Slots.Any(slot => slot.Length > 0)));

        var pool = ArrayPool<double>.Shared;
        var total = pool.Rent(count);
        var coverage = pool.Rent(count);
        var matchedGroups = ArrayPool<int>.Shared.Rent(count);
        var scratch = new GroupScratch(pool, count);
        var touched = new List<int>();
        try
        {
            Array.Clear(total, 0, count);
            Array.Clear(coverage, 0, count);
            Array.Clear(matchedGroups, 0, count);
            foreach (var group in plan.Groups)
            {
                var counts = countAll || !group.Soft;
                foreach (var d in scratch.Score(group, index))
                {
                    if (total[d] == 0) touched.Add(d);
                    total[d] += scratch.Best[d];
                    if (counts)
                    {
                        coverage[d] += scratch.Quality[d];
                        matchedGroups[d]++;
                    }
                }
                scratch.Reset();
            }

            var candidates = new List<(int Document, double Score, double Coverage)>();
            foreach (var d in touched)
            {
                if (filter is not null && !filter(index.Documents[d])) continue;
                var covered = coverageGroups == 0 ? 0 : coverage[d] / coverageGroups;
                var rankingCovered = rankingGroups == 0 ? 0 : coverage[d] / rankingGroups;
                var score = total[d] * (CoverageFloor + (1 - CoverageFloor) * rankingCovered);
                if (rankingGroups >= 2 && matchedGroups[d] == rankingGroups) score *= FullMatchBonus;
                candidates.Add((d, score, covered));
            }
            return [.. candidates
                .OrderByDescending(c => c.Score)
                .ThenBy(c => c.Document)
                .Take(top)
                .Select(c => new SearchHit(index.Documents[c.Document], Math.Round(c.Score, 6), MatchedTerms(plan, index, c.Document))
                {
                    Coverage = Math.Round(c.Coverage, 6),
                })];
        }
        finally
        {
            pool.Return(total);
            pool.Return(coverage);
            ArrayPool<int>.Shared.Return(matchedGroups);
            scratch.Return();
        }
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

    private SearchIndex CurrentIndex()
    {
        var snapshot = _index.Current;
        var built = _built;
        if (built is not null && ReferenceEquals(built.Snapshot, snapshot)) return built;
        lock (_buildLock)
        {
            snapshot = _index.Current;
            built = _built;
            if (built is not null && ReferenceEquals(built.Snapshot, snapshot)) return built;
            built = SearchIndex.Build(snapshot, Analyzer, _lexicon.Words(), _texts);
            _built = built;
            return built;
        }
    }
}
