namespace TeamsBot.Cards;

public sealed class AdaptiveImage : AdaptiveElement
{
    public AdaptiveImage() { }

    public AdaptiveImage(Uri url) => Url = url;

    public Uri? Url { get; set; }

    public string? AltText { get; set; }

    public AdaptiveImageSize Size { get; set; }

    public AdaptiveImageStyle Style { get; set; }

    public AdaptiveHorizontalAlignment? HorizontalAlignment { get; set; }

    public AdaptiveAction? SelectAction { get; set; }
}
