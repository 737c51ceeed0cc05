using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.Measures.Import;

/// <summary>Reads plan files strictly: unknown fields and malformed JSON are problems, reported with the line.</summary>
public static class PlanFileReader
{
    private static readonly JsonSerializerOptions Strict = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static (PlanFile? Plan, ImportProblem? Problem) Read(string path)
    {
        var name = Path.GetFileName(path);
        try
        {
            using var stream = File.OpenRead(path);
            var plan = JsonSerializer.Deserialize<PlanFile>(stream, Strict);
            return plan is null
                ? (null, new ImportProblem(name, "(file)", "(root)", "the file holds no plan object"))
                : (plan, null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}" : "(file)";
            return (null, new ImportProblem(name, where, e.Path ?? "(root)", $"not valid plan JSON: {FirstSentence(e.Message)}"));
        }
        catch (IOException e)
        {
            return (null, new ImportProblem(name, "(file)", "(file)", $"cannot be read: {e.Message}"));
        }
        catch (UnauthorizedAccessException)
        {
            return (null, new ImportProblem(name, "(file)", "(file)", "cannot be read: access denied"));
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
