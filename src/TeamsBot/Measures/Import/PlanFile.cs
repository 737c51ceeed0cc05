namespace TeamsBot.Measures.Import;

// The shape of a plan data file (data/plans/*.json). Everything is nullable so that a missing field becomes a
// validation message naming it, not a deserializer exception.
public sealed record PlanFile(
    string? Id,
    string? Title,
    string? Source,
    string? Language,
    string? Issuer,
    string? StartDate,
    IReadOnlyList<AreaFile?>? Areas);

public sealed record AreaFile(
    string? Id,
    string? Title,
    string? Goal,
    IReadOnlyList<string>? ReportReferences,
    IReadOnlyList<MeasureFile?>? Measures);

public sealed record MeasureFile(
    string? Id,
    string? Title,
    string? Status,
    string? Remark,
    IReadOnlyList<string>? Owners,
    string? Deadline,
    string? DeadlineText,
    IReadOnlyList<string>? Aliases);
