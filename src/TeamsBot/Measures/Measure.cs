namespace TeamsBot.Measures;

/// <summary>One measure (tiltak) as kept in the store. <see cref="Version"/> is the storage ETag the reader saw.</summary>
public sealed record Measure
{
    public required string PlanId { get; init; }
    public required string Id { get; init; }
    public required string AreaId { get; init; }
    public required int Order { get; init; }
    public required string Title { get; init; }
    public required MeasureStatus Status { get; init; }
    public string Remark { get; init; } = "";
    public IReadOnlyList<string> Owners { get; init; } = [];
    public DateOnly? Deadline { get; init; }
    public string? DeadlineText { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
    public string Version { get; init; } = "";

    /// <summary>The plan file's values at the last import: lets a re-import apply only what the file changed.</summary>
    public string? ImportSnapshot { get; init; }

    public bool IsOverdue(DateOnly today) =>
        Deadline is { } deadline && deadline < today && Status != MeasureStatus.Implemented;
}
