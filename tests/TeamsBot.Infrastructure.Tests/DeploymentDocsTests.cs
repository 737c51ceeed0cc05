using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsBot.Testing;

namespace TeamsBot.Infrastructure.Tests;

/// <summary>The parameters file and docs/deploy.md name only what the compiled template has.</summary>
[Collection(CompiledTemplateCollection.Name)]
public partial class DeploymentDocsTests(CompiledTemplate template)
{
    [Fact]
    public async Task The_parameters_file_sets_only_the_templates_parameters_and_only_allowed_values()
    {
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(CompiledTemplate.InfraFolder, "main.parameters.json")))!;
        var declared = template.Arm["parameters"]!.AsObject();

        foreach (var (name, entry) in file["parameters"]!.AsObject())
        {
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare.");
            var value = entry!["value"]!;
            if (declared[name]!["allowedValues"] is JsonArray allowed)
            {
                Assert.True(allowed.Any(a => JsonNode.DeepEquals(a, value)), $"main.parameters.json sets {name} = {value.ToJsonString()}, not one of {allowed.ToJsonString()}.");
            }
        }
    }

    [Fact]
    public async Task Every_output_the_deployment_guide_reads_is_an_output_of_the_template()
    {
        var guide = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "docs", "deploy.md"));
        var read = OutputRead().Matches(guide).Select(m => m.Groups[1].Value).Distinct().ToList();
        var outputs = template.Arm["outputs"]!.AsObject();

        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.True(outputs.ContainsKey(name), $"docs/deploy.md reads the output '{name}', which main.bicep does not have."));
    }

    // docs/deploy.md reads outputs with its helper: $(out webAppName)
    [GeneratedRegex(@"\$\(out (\w+)\)")]
    private static partial Regex OutputRead();
}
