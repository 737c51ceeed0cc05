using TeamsBot.Cards;

namespace TeamsBot.Bot;

/// <summary>
/// What a card-action handler answers, whichever way the action came. The router turns it into the answer each
/// transport can give: an Action.Execute gets an invoke response (a card in place of the one acted on, a message, or
/// an error), an Action.Submit gets messages, or a PUT over the card it came from.
/// </summary>
public abstract record CardActionResult
{
    // Closed: the router's two transports know every kind.
    private CardActionResult() { }

    /// <summary>The card replaces the one acted on: the invoke's card response; for a submit, a PUT over it (a new message when that fails).</summary>
    public sealed record ReplaceCard(AdaptiveCard Card) : CardActionResult;

    /// <summary>
    /// The card answers the action: an invoke can only show it in place of the card acted on; a submit gets it as a
    /// new message (<paramref name="Summary"/> for notifications), and the card acted on stays.
    /// </summary>
    public sealed record ShowCard(AdaptiveCard Card, string? Summary = null) : CardActionResult;

    /// <summary>
    /// The card comes as a new message on both paths and the card acted on stays as it was (an invoke's card response
    /// would replace it); an invoke is answered with <paramref name="Acknowledgement"/>, which Teams shows briefly.
    /// </summary>
    public sealed record PostCard(AdaptiveCard Card, string Summary, string Acknowledgement) : CardActionResult;

    /// <summary>A sentence for the user: the invoke's message response, or a message.</summary>
    public sealed record ShowMessage(string Text) : CardActionResult;

    /// <summary>The action cannot be done as sent (card data we did not draw): 400 for an invoke, the sentence for a submit.</summary>
    public sealed record Refuse(string Text) : CardActionResult;

    /// <summary>Storage failed and nothing was done: 500 for an invoke, the sentence for a submit.</summary>
    public sealed record Fail(string Text) : CardActionResult;
}
