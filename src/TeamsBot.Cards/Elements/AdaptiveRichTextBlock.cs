using System.Text.Json.Serialization;

namespace TeamsBot.Cards;

/// <summary>A paragraph of differently styled runs. Runs are never markdown-processed.</summary>
public sealed class AdaptiveRichTextBlock : AdaptiveElement
{
    public List<AdaptiveTextRun> Inlines { get; set; } = [];

    public AdaptiveHorizontalAlignment? HorizontalAlignment { get; set; }
}

public sealed class AdaptiveTextRun
{
    public AdaptiveTextRun() { }

    public AdaptiveTextRun(string text) => Text = text;

    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TextRun";

    public string? Text { get; set; }

    public AdaptiveTextSize Size { get; set; }

    public AdaptiveTextWeight Weight { get; set; }

    public AdaptiveTextColor Color { get; set; }

    public bool IsSubtle { get; set; }

    public bool Italic { get; set; }

    public bool Strikethrough { get; set; }

    public bool Highlight { get; set; }

    public bool Underline { get; set; }

    public AdaptiveFontType FontType { get; set; }

    public AdaptiveAction? SelectAction { get; set; }
}
