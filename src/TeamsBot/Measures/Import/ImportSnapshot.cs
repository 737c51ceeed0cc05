using System.Text.Json;

namespace TeamsBot.Measures.Import;

/// <summary>The last-imported values of a measure, kept on the measure so a re-import can tell what the file changed.</summary>
internal static class ImportSnapshot
{
    public static string Of(ImportedMeasure measure) => JsonSerializer.Serialize(measure);

    public static ImportedMeasure? Parse(string? snapshot)
    {
        if (string.IsNullOrEmpty(snapshot)) return null;
        try
        {
            return JsonSerializer.Deserialize<ImportedMeasure>(snapshot);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
