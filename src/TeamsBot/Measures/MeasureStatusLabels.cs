namespace TeamsBot.Measures;

/// <summary>Status labels as the plans write them (bokmål and English), both ways.</summary>
public static class MeasureStatusLabels
{
    private static readonly IReadOnlyDictionary<string, MeasureStatus> ByLabel =
        new Dictionary<string, MeasureStatus>(StringComparer.OrdinalIgnoreCase)
        {
            ["anbefalt"] = MeasureStatus.Recommended,
            ["under planlegging"] = MeasureStatus.UnderPlanning,
            ["pågående"] = MeasureStatus.InProgress,
            ["iverksatt"] = MeasureStatus.Implemented,
            ["recommended"] = MeasureStatus.Recommended,
            ["planned"] = MeasureStatus.UnderPlanning,
            ["under planning"] = MeasureStatus.UnderPlanning,
            ["in progress"] = MeasureStatus.InProgress,
            ["ongoing"] = MeasureStatus.InProgress,
            ["implemented"] = MeasureStatus.Implemented,
        };

    public static IEnumerable<string> KnownLabels => ByLabel.Keys;

    public static bool TryParse(string? label, out MeasureStatus status) =>
        ByLabel.TryGetValue((label ?? "").Trim(), out status);

    public static string Label(MeasureStatus status, string language) => (status, IsEnglish(language)) switch
    {
        (MeasureStatus.Recommended, false) => "anbefalt",
        (MeasureStatus.UnderPlanning, false) => "under planlegging",
        (MeasureStatus.InProgress, false) => "pågående",
        (MeasureStatus.Implemented, false) => "iverksatt",
        (MeasureStatus.Recommended, true) => "recommended",
        (MeasureStatus.UnderPlanning, true) => "planned",
        (MeasureStatus.InProgress, true) => "in progress",
        (MeasureStatus.Implemented, true) => "implemented",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool IsEnglish(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
}
