namespace TeamsBot.Measures;

/// <summary>One field's move from old to new value, as recorded in a history row.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>An audit line: who changed what on a measure, when, from where.</summary>
public sealed record HistoryEntry(
    string PlanId,
    string MeasureId,
    DateTimeOffset At,
    string By,
    string Source,
    IReadOnlyList<FieldChange> Changes,
    string? Comment);
