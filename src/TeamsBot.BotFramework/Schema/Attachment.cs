using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.BotFramework.Schema;

/// <summary>An attachment; for an Adaptive Card ContentType is <see cref="AdaptiveCardContentType"/> and Content the card.</summary>
public sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Mime type, e.g. application/vnd.microsoft.card.adaptive.</summary>
    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    /// <summary>Any JSON-serialisable object when sending; a <see cref="JsonElement"/> after reading.</summary>
    public object? Content { get; set; }

    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>An Adaptive Card attachment; <paramref name="card"/> is a card object or its JSON as a JsonElement.</summary>
    public static Attachment AdaptiveCard(object card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}
