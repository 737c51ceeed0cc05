namespace TeamsBot.Cards;

public sealed class AdaptiveOpenUrlAction : AdaptiveAction
{
    public AdaptiveOpenUrlAction() { }

    public AdaptiveOpenUrlAction(Uri url) => Url = url;

    public Uri? Url { get; set; }
}
