using TeamsBot.Cards;

namespace TeamsBot.Measures.Cards;

/// <summary>TextBlocks for plan or user text, escaped here so that a title like "*viktig*" reads as typed.</summary>
public static class CardText
{
    public static AdaptiveTextBlock Heading(string plainText, AdaptiveTextSize size = AdaptiveTextSize.Large) =>
        MarkdownHeading(AdaptiveText.EscapeMarkdown(plainText), size);

    /// <summary>A heading whose text is already Markdown-safe (escaped or quoted by its builder).</summary>
    public static AdaptiveTextBlock MarkdownHeading(string markdown, AdaptiveTextSize size = AdaptiveTextSize.Large) =>
        new(markdown)
        {
            Size = size, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading,
        };

    /// <summary>A small grey line.</summary>
    public static AdaptiveTextBlock Subtle(string plainText) =>
        new(AdaptiveText.EscapeMarkdown(plainText)) { Wrap = true, IsSubtle = true, Size = AdaptiveTextSize.Small };
}
