using System.Globalization;
using TeamsBot.Chat.Answers;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Updates;

/// <summary>One history change as a line people read: "Status: pågående → iverksatt". Plain text; escape it for a TextBlock.</summary>
public static class ChangeFormat
{
    private const int LongValue = 300;

    public static string Describe(FieldChange change, AnswerTexts texts, UserLanguage planLanguage) =>
        $"{texts.FieldLabel(change.Field)}: {Value(change.Field, change.Old, texts, planLanguage)} → {Value(change.Field, change.New, texts, planLanguage)}";

    public static string Value(string field, string? value, AnswerTexts texts, UserLanguage planLanguage)
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
