namespace TeamsBot.Cards;

/// <summary>A block of text; <see cref="Text"/> is Adaptive Card markdown (escape user text with <see cref="AdaptiveText.EscapeMarkdown"/>).</summary>
public sealed class AdaptiveTextBlock : AdaptiveElement
{
    public AdaptiveTextBlock() { }

    public AdaptiveTextBlock(string text) => Text = text;

    public string? Text { get; set; }

    public bool Wrap { get; set; }

    public AdaptiveTextSize Size { get; set; }

    public AdaptiveTextWeight Weight { get; set; }

    public AdaptiveTextColor Color { get; set; }

    public bool IsSubtle { get; set; }

    /// <summary>0 = no limit.</summary>
    public int MaxLines { get; set; }

    public AdaptiveHorizontalAlignment? HorizontalAlignment { get; set; }

    public AdaptiveFontType FontType { get; set; }

    public AdaptiveTextBlockStyle Style { get; set; }
}
