using System.Text.Json.Nodes;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Infrastructure;

/// <summary>The repository's seed plan files, and temporary edited copies of them for import tests.</summary>
public sealed class PlanFiles : IDisposable
{
    public static string SeedFolder => Path.Combine(RepoPaths.Root, "data", "plans");
    public static string Seed(string planId) => Path.Combine(SeedFolder, planId + ".json");

    public string Folder { get; } = Directory.CreateTempSubdirectory("teamsbot-plans-").FullName;

    /// <summary>Copies a seed plan into the temp folder, letting the test edit its JSON first.</summary>
    public string CopySeed(string planId, Action<JsonObject>? edit = null)
    {
        var json = JsonNode.Parse(File.ReadAllText(Seed(planId)))!.AsObject();
        edit?.Invoke(json);
        var path = Path.Combine(Folder, planId + ".json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static JsonObject Measure(JsonObject plan, string measureId) =>
        plan["areas"]!.AsArray().SelectMany(a => a!["measures"]!.AsArray()).Single(m => (string?)m!["id"] == measureId)!.AsObject();

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
