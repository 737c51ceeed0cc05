namespace TeamsBot.Infrastructure.Tests;

[Collection(CompiledTemplateCollection.Name)]
public class BicepBuildAndLintTests(CompiledTemplate template)
{
    [Fact]
    public void The_template_compiles_to_ARM_JSON_without_a_single_diagnostic()
    {
        Assert.True(template.Build.IsClean, template.Build.ToString());
        Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", (string?)template.Arm["$schema"]);
    }

    [Fact]
    public async Task The_linter_finds_nothing_in_the_template()
    {
        var lint = await BicepCli.RunAsync("lint", CompiledTemplate.MainBicep, "--no-restore");

        Assert.True(lint.IsClean, lint.ToString());
    }

    [Fact]
    public async Task A_warning_fails_the_check_even_though_bicep_exits_zero()
    {
        // Bicep's exit code says only "no errors": the check must read the diagnostics too, or warnings would pass.
        var folder = Directory.CreateTempSubdirectory("teamsbot-bicep-lint-").FullName;
        try
        {
            var file = Path.Combine(folder, "unused.bicep");
            await File.WriteAllTextAsync(file, "param unused string\n");

            var lint = await BicepCli.RunAsync("lint", file, "--no-restore");

            Assert.Equal(0, lint.ExitCode);
            Assert.Contains("no-unused-params", lint.StandardError);
            Assert.False(lint.IsClean);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
