using System.Globalization;
using TeamsBot.Localization;

namespace TeamsBot.Measures.Cards;

/// <summary>
/// One history change as a plain line people read, "Status: pågående → iverksatt" (statuses in the plan's own words,
/// other values quoted): the conflict banner's. Escape it for a TextBlock. The history card draws its own, in markdown.
/// </summary>
public static class ChangeFormat
{
    private const int LongValue = 300;

    public static string Describe(FieldChange change, MeasureTexts texts, UserLanguage planLanguage) =>
        $"{texts.FieldLabel(change.Field)}: {Value(change.Field, change.Old, texts, planLanguage)} → {Value(change.Field, change.New, texts, planLanguage)}";

    public static string Value(string field, string? value, MeasureTexts texts, UserLanguage planLanguage)
    {
        if (string.IsNullOrWhiteSpace(value)) return texts.Empty;
        switch (field)
        {
            case "status" when Enum.TryParse<MeasureStatus>(value, out var status):
                return StatusLabels.Label(status, planLanguage);
            case "deadline" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return DateTexts.Date(date, texts.Language);
            default:
                var flat = value.ReplaceLineEndings(" ").Trim();
                flat = flat.Length <= LongValue ? flat : flat[..LongValue] + "…";
                return texts.Language.Quote(flat);
        }
    }
}
