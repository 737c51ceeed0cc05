using System.Text.Json;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.Files;

/// <summary>
/// A file offered through Teams' file-consent card (personal chat only): the card carries the kind of file and what
/// its handler needs to build it again, the same on accept and decline.
/// </summary>
public static class FileConsentOffer
{
    public const string KindKey = "kind";

    public static Attachment Attachment(string kind, string fileName, long sizeInBytes, string description, IReadOnlyDictionary<string, string> context)
    {
        var carried = new Dictionary<string, string>(context, StringComparer.Ordinal) { [KindKey] = kind };
        return new FileConsentCard { Description = description, SizeInBytes = sizeInBytes, AcceptContext = carried, DeclineContext = carried }
            .ToAttachment(fileName);
    }

    /// <summary>The context's string fields (anything else in it is ignored); empty when it is not an object.</summary>
    public static IReadOnlyDictionary<string, string> ContextOf(JsonElement? context)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (context is not { ValueKind: JsonValueKind.Object } value) return fields;
        foreach (var property in value.EnumerateObject())
            if (property.Value.ValueKind == JsonValueKind.String) fields[property.Name] = property.Value.GetString()!;
        return fields;
    }
}
