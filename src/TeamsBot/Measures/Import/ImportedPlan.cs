namespace TeamsBot.Measures.Import;

/// <summary>A validated plan file: the plan and each measure's values as the file states them.</summary>
public sealed record ImportedPlan(string File, Plan Plan, IReadOnlyList<ImportedMeasure> Measures);

/// <summary>The fields a plan file owns. A re-import applies only those the file changed since the last import.</summary>
public sealed record ImportedMeasure(
    string Id,
    string AreaId,
    int Order,
    string Title,
    MeasureStatus Status,
    string Remark,
    IReadOnlyList<string> Owners,
    DateOnly? Deadline,
    string? DeadlineText,
    IReadOnlyList<string> Aliases);
