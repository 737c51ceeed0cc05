using System.Text.Json.Nodes;

namespace TeamsBot.Cards;

/// <summary>
/// Universal Action (schema 1.4+): Teams sends an <c>adaptiveCard/action</c> invoke with <see cref="Verb"/> and
/// <see cref="Data"/> merged with the input values.
/// </summary>
public sealed class AdaptiveExecuteAction : AdaptiveAction
{
    public string? Verb { get; set; }

    /// <summary>Arbitrary JSON; build it with <see cref="AdaptiveData.From{T}"/> or a <see cref="JsonObject"/>.</summary>
    public JsonObject? Data { get; set; }

    public AdaptiveAssociatedInputs AssociatedInputs { get; set; }
}
