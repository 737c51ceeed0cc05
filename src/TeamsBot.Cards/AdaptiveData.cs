using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsBot.Cards;

/// <summary>Builds action data payloads from records or anonymous objects, serialized (never concatenated).</summary>
public static class AdaptiveData
{
    /// <summary>Serializes <paramref name="value"/> with web defaults (camelCase) into a JSON object.</summary>
    public static JsonObject From<T>(T value, JsonSerializerOptions? options = null) =>
        JsonSerializer.SerializeToNode(value, options ?? JsonSerializerOptions.Web) as JsonObject
        ?? throw new ArgumentException("Action data must serialize to a JSON object.", nameof(value));
}
