using TeamsBot.Chat.Search;

namespace TeamsBot.Tests.Chat.Search;

/// <summary>Query working memory is reused: nothing one query leaves behind may change the next one's ranking.</summary>
public sealed class QueryScratchTests
{
    private static readonly string[] Queries =
    [
        "risikovurderingsverktøy", "PLIVO prosedyre", "status", "risk assessment tool", "mangfolds-koordinatorer",
        "nodnett", "xyzzy plugh", "samhandling med kommunene om forebygging", "beredskap og opplæring",
    ];

    private static string Describe(IReadOnlyList<SearchHit> hits) =>
        string.Join(" | ", hits.Select(h => $"{h.Measure.Id} {h.Score:R} {h.Coverage:R} {string.Join(",", h.MatchedTerms)}"));

    [Fact]
    public void Each_query_ranks_the_same_after_any_other_as_on_a_fresh_search()
    {
        var index = PlanDataIndex.Load();
        var reused = new MeasureSearch(index);

        foreach (var before in Queries)
            foreach (var query in Queries)
            {
                reused.Search(before);
                Assert.Equal(Describe(new MeasureSearch(index).Search(query)), Describe(reused.Search(query)));
            }
    }
}
