namespace TeamsBot.Measures;

public sealed record Plan(
    string Id,
    string Title,
    string Language,
    string Issuer,
    string Source,
    DateOnly StartDate,
    IReadOnlyList<Area> Areas);

public sealed record Area(
    string Id,
    string Title,
    string Goal,
    IReadOnlyList<string> ReportReferences);
