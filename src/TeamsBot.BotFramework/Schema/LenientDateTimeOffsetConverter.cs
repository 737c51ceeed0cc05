using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.BotFramework.Schema;

/// <summary>
/// Reads timestamps in any ISO-8601 shape a channel sends and yields null for anything else: an odd timestamp must not
/// make the endpoint reject a user's message.
/// </summary>
public sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) return null;
        if (reader.TryGetDateTimeOffset(out var value)) return value;
        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value) ? value : null;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteStringValue(v);
        else writer.WriteNullValue();
    }
}
