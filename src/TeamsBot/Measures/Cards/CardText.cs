using TeamsBot.Cards;

namespace TeamsBot.Measures.Cards;

/// <summary>TextBlocks for plan or user text, escaped here so that a title like "*viktig*" reads as typed.</summary>
public static class CardText
{
    public static AdaptiveTextBlock Heading(string plainText, AdaptiveTextSize size = AdaptiveTextSize.Large) =>
        new(AdaptiveText.EscapeMarkdown(plainText))
        {
            Size = size, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading,
        };

    /// <summary>A small grey line.</summary>
    public static AdaptiveTextBlock Subtle(string plainText) =>
        new(AdaptiveText.EscapeMarkdown(plainText)) { Wrap = true, IsSubtle = true, Size = AdaptiveTextSize.Small };
}
