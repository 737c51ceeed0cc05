using System.Text.Json.Nodes;
using TeamsBot.Testing;

namespace TeamsBot.Infrastructure.Tests;

/// <summary>infra/main.bicep compiled once by <c>bicep build</c> into ARM JSON, for the tests that read the template.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    private readonly string _output = Directory.CreateTempSubdirectory("teamsbot-bicep-").FullName;
    private JsonObject? _arm;

    public static string InfraFolder => Path.Combine(RepoPaths.Root, "infra");
    public static string MainBicep => Path.Combine(InfraFolder, "main.bicep");

    internal BicepRun Build { get; private set; } = null!;

    /// <summary>The ARM template; fails the test with bicep's diagnostics when the build did not produce one.</summary>
    public JsonObject Arm => _arm ?? throw new InvalidOperationException($"bicep build produced no template.{Environment.NewLine}{Build}");

    public async Task InitializeAsync()
    {
        var json = Path.Combine(_output, "main.json");
        Build = await BicepCli.RunAsync("build", MainBicep, "--outfile", json, "--no-restore");
        if (File.Exists(json))
        {
            _arm = JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsObject();
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_output, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The one resource of this type (e.g. "Microsoft.Web/sites").</summary>
    public JsonObject Resource(string type) => Assert.Single(Resources(type));

    public IReadOnlyList<JsonObject> Resources(string type) =>
        Arm["resources"]!.AsArray().Select(r => r!.AsObject()).Where(r => (string?)r["type"] == type).ToList();
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "Compiled Bicep template";
}
