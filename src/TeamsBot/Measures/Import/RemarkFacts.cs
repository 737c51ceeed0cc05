namespace TeamsBot.Measures.Import;

/// <summary>
/// What a remark says about a measure's owners and deadline. <see cref="DeadlineText"/> is the date phrase as written
/// ("1. september 2023", "høsten 2023"); it can be set while <see cref="Deadline"/> is null when the phrase has no year
/// and no reference date was given.
/// </summary>
public sealed record RemarkFacts(IReadOnlyList<string> Owners, DateOnly? Deadline, string? DeadlineText);

/// <summary>Reads owners and the deadline out of a remark's prose. Pure and deterministic.</summary>
public static class RemarkFactsExtractor
{
    public static RemarkFacts Extract(string remark, string language) => Extract(remark, language, reference: null);

    /// <param name="reference">Dates written without a year ("innen 15. desember") fall on the first such day on or
    /// after this date, typically the plan's start date. Without it they get no <see cref="RemarkFacts.Deadline"/>.</param>
    public static RemarkFacts Extract(string remark, string language, DateOnly? reference)
    {
        var (deadline, text) = RemarkDeadlines.Find(remark, RemarkDeadlineVocabulary.For(language), reference);
        return new RemarkFacts(OwnerUnits.FindIn(remark), deadline, text);
    }
}
