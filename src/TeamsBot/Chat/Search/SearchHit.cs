using TeamsBot.Measures;

namespace TeamsBot.Chat.Search;

/// <summary>
/// A measure found for a query. <see cref="MatchedTerms"/> are the index terms (stems) that matched, for highlighting
/// and for explaining a result. <see cref="Coverage"/> (0–1) is how much of the query the measure matched: each query
/// word or lexicon phrase counts by the quality of its match (1 as written, less for a synonym, a compound part or a
/// typo), follow-up words such as "status" do not count.
/// </summary>
public sealed record SearchHit(Measure Measure, double Score, IReadOnlyList<string> MatchedTerms)
{
    public double Coverage { get; init; }
}
