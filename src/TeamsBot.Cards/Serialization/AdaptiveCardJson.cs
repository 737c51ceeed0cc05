using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace TeamsBot.Cards;

/// <summary>
/// The serializer settings of the card model: camelCase names and enums, and nothing the schema would assume anyway
/// (nulls, empty lists unless marked <see cref="SerializeWhenEmptyAttribute"/>, false/0/first-enum-member unless marked
/// [JsonIgnore(Condition = Never)], or a property's <see cref="DefaultValueAttribute"/>).
/// </summary>
internal static class AdaptiveCardJson
{
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            // Keeps letters such as æøå readable but still escapes <, >, &, ' and quotes, so card JSON is inert
            // even if someone embeds it in HTML.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitDefaults } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    private static void OmitDefaults(JsonTypeInfo typeInfo)
    {
        // Only the model's own types: user data (JsonObject) is written exactly as given.
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Assembly != typeof(AdaptiveCardJson).Assembly)
            return;

        foreach (var property in typeInfo.Properties)
        {
            var member = property.AttributeProvider as MemberInfo;
            // [JsonIgnore(Condition = Never)]: a value that means something even when it equals its type's default.
            if (member?.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Never })
                continue;
            var declaredDefault = member?.GetCustomAttribute<DefaultValueAttribute>();
            if (declaredDefault is not null)
            {
                var value = declaredDefault.Value;
                property.ShouldSerialize = (_, v) => !Equals(v, value);
            }
            else if (property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null)
            {
                var zero = Activator.CreateInstance(property.PropertyType);
                property.ShouldSerialize = (_, v) => !Equals(v, zero);
            }
            else if (typeof(IList).IsAssignableFrom(property.PropertyType) && member?.GetCustomAttribute<SerializeWhenEmptyAttribute>() is null)
            {
                property.ShouldSerialize = (_, v) => v is IList { Count: > 0 };
            }
        }
    }
}
