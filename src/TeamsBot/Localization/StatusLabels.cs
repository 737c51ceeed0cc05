using TeamsBot.Measures;

namespace TeamsBot.Localization;

/// <summary>Status labels as the plans write them (bokmål and English), both ways: a plan file's word to a status, a status to words.</summary>
public static class StatusLabels
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

    /// <summary>"pågående" / "in progress": the label in running text.</summary>
    public static string Label(MeasureStatus status, UserLanguage language) => (status, language) switch
    {
        (MeasureStatus.Recommended, UserLanguage.Bokmal) => "anbefalt",
        (MeasureStatus.UnderPlanning, UserLanguage.Bokmal) => "under planlegging",
        (MeasureStatus.InProgress, UserLanguage.Bokmal) => "pågående",
        (MeasureStatus.Implemented, UserLanguage.Bokmal) => "iverksatt",
        (MeasureStatus.Recommended, UserLanguage.English) => "recommended",
        (MeasureStatus.UnderPlanning, UserLanguage.English) => "planned",
        (MeasureStatus.InProgress, UserLanguage.English) => "in progress",
        (MeasureStatus.Implemented, UserLanguage.English) => "implemented",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>"Pågående" / "In progress": the label on its own (a heading, a choice, a marker).</summary>
    public static string Heading(MeasureStatus status, UserLanguage language) => TextCase.Capitalize(Label(status, language));
}
