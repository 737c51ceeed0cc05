using System.Text.Json.Nodes;

namespace TeamsBot.Updates;

/// <summary>
/// Gives each top-level Action.Execute of a card an Action.Submit "fallback" (Microsoft's advice for clients without
/// Universal Actions): same title, data and inputs, plus "verb" in the data so the router can dispatch the submit.
/// Done on the JSON because the card model has no fallback property.
/// </summary>
public static class SubmitFallback
{
    public static JsonObject Add(JsonObject card)
    {
        if (card["actions"] is not JsonArray actions) return card;
        foreach (var action in actions.OfType<JsonObject>())
        {
            if ((string?)action["type"] != "Action.Execute" || action["verb"] is null || action.ContainsKey("fallback")) continue;
            var data = action["data"] is JsonObject d ? (JsonObject)d.DeepClone() : new JsonObject();
            data[UpdateActions.VerbKey] = action["verb"]!.DeepClone();
            var fallback = new JsonObject { ["type"] = "Action.Submit" };
            if (action["title"] is { } title) fallback["title"] = title.DeepClone();
            fallback["data"] = data;
            if (action["associatedInputs"] is { } inputs) fallback["associatedInputs"] = inputs.DeepClone();
            action["fallback"] = fallback;
        }
        return card;
    }
}
