using System.Text.Json.Nodes;

namespace TeamsBot.Cards;

/// <summary>Teams delivers a submit as a <c>message</c> activity whose <c>value</c> is <see cref="Data"/> plus the inputs.</summary>
public sealed class AdaptiveSubmitAction : AdaptiveAction
{
    public JsonObject? Data { get; set; }

    public AdaptiveAssociatedInputs AssociatedInputs { get; set; }
}
