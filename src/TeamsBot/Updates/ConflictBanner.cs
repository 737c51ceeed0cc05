using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Measures.Import;

namespace TeamsBot.Updates;

/// <summary>The top of a conflict card: what changed since the user's version, by whom and when, newest first.</summary>
public static class ConflictBanner
{
    /// <summary>A form left open for months may be behind by many changes; the card must stay far below Teams' 100 KB.</summary>
    public const int MaxEntries = 10;

    public static IReadOnlyList<AdaptiveElement> Build(IReadOnlyList<HistoryEntry> newer, Plan plan, UserLanguage language)
    {
        var texts = UpdateTexts.For(language);
        var measureTexts = MeasureTexts.For(language);
        var box = new AdaptiveContainer { Style = AdaptiveContainerStyle.Warning };
        box.Items.Add(new AdaptiveTextBlock($"⚠ {texts.ConflictHeading}")
        {
            Weight = AdaptiveTextWeight.Bolder, Size = AdaptiveTextSize.Medium, Wrap = true, Color = AdaptiveTextColor.Warning,
        });
        box.Items.Add(new AdaptiveTextBlock(newer.Count > 0 ? texts.ConflictIntro : texts.ConflictUnknownChange) { Wrap = true });
        foreach (var entry in newer.Take(MaxEntries))
        {
            var who = entry.Source == PlanImporter.Source || string.IsNullOrWhiteSpace(entry.By)
                ? TextCase.Capitalize(measureTexts.SourceLabel(entry.Source))
                : entry.By;
            var heading = texts.ChangedBy(who, DateTexts.Time(entry.At, language));
            box.Items.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(heading))
            {
                Wrap = true, Weight = AdaptiveTextWeight.Bolder, Spacing = AdaptiveSpacing.Medium,
            });
            foreach (var change in entry.Changes)
                box.Items.Add(new AdaptiveTextBlock("• " + AdaptiveText.EscapeMarkdown(ChangeFormat.Describe(change, measureTexts, UserLanguages.FromLocale(plan.Language))))
                {
                    Wrap = true, Spacing = AdaptiveSpacing.None,
                });
            if (!string.IsNullOrWhiteSpace(entry.Comment))
                box.Items.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown($"{measureTexts.CommentLabel}: {entry.Comment}"))
                {
                    Wrap = true, IsSubtle = true, Spacing = AdaptiveSpacing.None,
                });
        }
        if (newer.Count > MaxEntries)
            box.Items.Add(new AdaptiveTextBlock(texts.ConflictEarlier(newer.Count - MaxEntries)) { Wrap = true, IsSubtle = true, Spacing = AdaptiveSpacing.Medium });
        box.Items.Add(new AdaptiveTextBlock(texts.ConflictYourInput) { Wrap = true, Spacing = AdaptiveSpacing.Medium });
        return [box];
    }
}
