using TeamsBot.Cards;

namespace TeamsBot.Chat.Answers;

/// <summary>
/// What every answer card shares: schema 1.5, full width in Teams, a plain-text fallback. No "lang": it only steers
/// {{DATE()}} formatting, which we do not use, and the adaptivecards JS library's check of it (a regex with the g flag)
/// rejects every other valid value.
/// </summary>
internal static class AnswerCard
{
    public static AdaptiveCard New(AnswerTexts texts, string fallbackText) => new()
    {
        Version = AdaptiveCard.TeamsMaxVersion,
        MsTeams = AdaptiveMsTeams.FullWidth,
        FallbackText = fallbackText,
    };

    /// <summary>A heading TextBlock for plan or user text (escaped here).</summary>
    public static AdaptiveTextBlock Heading(string plainText, AdaptiveTextSize size = AdaptiveTextSize.Large) =>
        new(AdaptiveText.EscapeMarkdown(plainText))
        {
            Size = size, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading,
        };

    /// <summary>A wrapped paragraph of plan or user text (escaped here).</summary>
    public static AdaptiveTextBlock Paragraph(string plainText) => new(AdaptiveText.EscapeMarkdown(plainText)) { Wrap = true };

    /// <summary>A small grey line of plan or user text (escaped here).</summary>
    public static AdaptiveTextBlock Subtle(string plainText) =>
        new(AdaptiveText.EscapeMarkdown(plainText)) { Wrap = true, IsSubtle = true, Size = AdaptiveTextSize.Small };
}
