namespace TeamsBot.Measures;

public sealed record Plan(
    string Id,
    string Title,
    string Language,
    string Issuer,
    string Source,
    DateOnly StartDate,
    IReadOnlyList<Area> Areas)
{
    /// <summary>Value equality including the areas (a record compares its lists by reference).</summary>
    public bool HasSameContent(Plan other) =>
        (Id, Title, Language, Issuer, Source, StartDate) == (other.Id, other.Title, other.Language, other.Issuer, other.Source, other.StartDate) &&
        Areas.Count == other.Areas.Count &&
        Areas.Zip(other.Areas).All(pair => pair.First.HasSameContent(pair.Second));
}

public sealed record Area(
    string Id,
    string Title,
    string Goal,
    IReadOnlyList<string> ReportReferences)
{
    public bool HasSameContent(Area other) =>
        (Id, Title, Goal) == (other.Id, other.Title, other.Goal) && ReportReferences.SequenceEqual(other.ReportReferences);
}
