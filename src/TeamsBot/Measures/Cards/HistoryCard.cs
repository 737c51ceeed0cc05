using System.Globalization;
using System.Text.RegularExpressions;
using TeamsBot.Cards;
using TeamsBot.Localization;

namespace TeamsBot.Measures.Cards;

/// <summary>
/// The change log of one measure, newest first: when (Oslo time), who, from where, each field's old → new value
/// (statuses and dates as words), and the comment. Capped, with a line saying how many older changes there are.
/// </summary>
public static partial class HistoryCard
{
    public const int MaxEntries = 20;

    /// <summary>Long values (remarks) are cut to this many characters: the measure card shows the full text.</summary>
    public const int MaxValueLength = 160;

    /// <param name="canEdit">Offers "Update status" before "Show measure" (for those who may edit).</param>
    /// <param name="totalCount">How many entries exist when the caller passes only some; null = history.Count.</param>
    public static AdaptiveCard Build(
        Measure measure, IReadOnlyList<HistoryEntry> history, UserLanguage language, bool canEdit = false, int maxEntries = MaxEntries,
        int? totalCount = null)
    {
        var texts = MeasureTexts.For(language);
        var card = CardBaseline.New(language, texts.HistoryHeading(measure.Title));
        card.Body.Add(CardText.Heading(texts.HistoryHeading(measure.Title), AdaptiveTextSize.Medium));

        var shown = history.OrderByDescending(h => h.At).Take(maxEntries).ToList();
        if (shown.Count == 0)
            card.Body.Add(new AdaptiveTextBlock(texts.NoHistory) { Wrap = true, IsSubtle = true });
        foreach (var entry in shown)
            card.Body.Add(Entry(entry, texts));

        var older = Math.Max(totalCount ?? history.Count, history.Count) - shown.Count;
        if (older > 0)
            card.Body.Add(new AdaptiveTextBlock(texts.OlderChanges(older)) { IsSubtle = true, Wrap = true, Spacing = AdaptiveSpacing.Medium });

        if (canEdit) card.Actions.Add(MeasureActions.On(measure, texts.UpdateStatus, CardVerbs.EditMeasure));
        card.Actions.Add(MeasureActions.On(measure, texts.ShowMeasure, CardVerbs.ShowMeasure));
        return card;
    }

    private static AdaptiveContainer Entry(HistoryEntry entry, MeasureTexts texts)
    {
        var who = string.IsNullOrWhiteSpace(entry.By) ? texts.SourceLabel(entry.Source) : entry.By;
        var items = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock($"{DateTexts.Time(entry.At, texts.Language)} · {AdaptiveText.EscapeMarkdown(who)}")
            {
                Weight = AdaptiveTextWeight.Bolder, Wrap = true,
            },
            new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(texts.Via(texts.SourceLabel(entry.Source))))
            {
                IsSubtle = true, Size = AdaptiveTextSize.Small, Spacing = AdaptiveSpacing.None,
            },
        };
        foreach (var change in entry.Changes)
            items.Add(new AdaptiveTextBlock(
                $"**{texts.FieldLabel(change.Field)}:** {Value(change.Field, change.Old, texts)} → {Value(change.Field, change.New, texts)}")
            {
                Wrap = true, Spacing = AdaptiveSpacing.Small,
            });
        if (!string.IsNullOrWhiteSpace(entry.Comment))
            items.Add(new AdaptiveTextBlock($"**{texts.CommentLabel}:** {AdaptiveText.EscapeMarkdown(Flatten(entry.Comment, int.MaxValue))}")
            {
                Wrap = true, Spacing = AdaptiveSpacing.Small,
            });
        return new AdaptiveContainer { Items = items, Separator = true, Spacing = AdaptiveSpacing.Medium };
    }

    /// <summary>A value as readers know it (escaped): status enum names as labels, ISO dates spelled out, empty as "(tom)".</summary>
    private static string Value(string field, string? value, MeasureTexts texts)
    {
        if (string.IsNullOrWhiteSpace(value)) return $"_{texts.Empty}_";
        if (field == "status" && Enum.TryParse<MeasureStatus>(value, ignoreCase: false, out var status) && Enum.IsDefined(status))
            return StatusLabels.Label(status, texts.Language);
        if (field == "deadline" && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return AdaptiveText.EscapeMarkdown(DateTexts.Date(date, texts.Language));
        return AdaptiveText.EscapeMarkdown(Flatten(value, MaxValueLength));
    }

    // History lines stay one paragraph each: line breaks in a remark would start lists or paragraphs mid-entry.
    private static string Flatten(string text, int maxLength)
    {
        var flat = Whitespace().Replace(text.Trim(), " ");
        return flat.Length <= maxLength ? flat : flat[..maxLength].TrimEnd() + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
