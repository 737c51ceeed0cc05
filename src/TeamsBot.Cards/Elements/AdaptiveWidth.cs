using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.Cards;

/// <summary>
/// A column width: the keywords "auto"/"stretch" and pixel sizes ("50px") serialize as strings, weights as numbers.
/// Strings and ints convert implicitly: <c>Width = "auto"</c>, <c>Width = 2</c>.
/// </summary>
[JsonConverter(typeof(AdaptiveWidthConverter))]
public sealed record AdaptiveWidth
{
    private AdaptiveWidth(string? keyword, int? weight) => (Keyword, Weight) = (keyword, weight);

    public static AdaptiveWidth Auto { get; } = new("auto", null);

    public static AdaptiveWidth Stretch { get; } = new("stretch", null);

    /// <summary>"auto", "stretch" or "Npx".</summary>
    public string? Keyword { get; }

    public int? Weight { get; }

    public static AdaptiveWidth Weighted(int weight) =>
        weight > 0 ? new(null, weight) : throw new ArgumentOutOfRangeException(nameof(weight), "A weight must be positive.");

    public static AdaptiveWidth Pixels(int pixels) =>
        pixels > 0 ? new(pixels.ToString(CultureInfo.InvariantCulture) + "px", null)
                   : throw new ArgumentOutOfRangeException(nameof(pixels), "A pixel width must be positive.");

    public static AdaptiveWidth Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "auto" => Auto,
        "stretch" => Stretch,
        var s when s.EndsWith("px", StringComparison.Ordinal)
                   && int.TryParse(s[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var px) => Pixels(px),
        var s when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var w) => Weighted(w),
        _ => throw new FormatException($"'{value}' is not a column width (auto, stretch, a weight or Npx)."),
    };

    public static implicit operator AdaptiveWidth(string value) => Parse(value);

    public static implicit operator AdaptiveWidth(int weight) => Weighted(weight);

    public override string ToString() => Keyword ?? Weight!.Value.ToString(CultureInfo.InvariantCulture);
}

internal sealed class AdaptiveWidthConverter : JsonConverter<AdaptiveWidth>
{
    public override AdaptiveWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? AdaptiveWidth.Weighted(reader.GetInt32()) : AdaptiveWidth.Parse(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, AdaptiveWidth value, JsonSerializerOptions options)
    {
        if (value.Weight is { } weight)
            writer.WriteNumberValue(weight);
        else
            writer.WriteStringValue(value.Keyword);
    }
}
