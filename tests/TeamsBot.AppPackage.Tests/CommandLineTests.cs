namespace TeamsBot.AppPackage.Tests;

public class CommandLineTests
{
    private static (int ExitCode, string Error) RunWith(string option, string value)
    {
        using var folder = new TempFolder();
        var args = PackageBuilder.ValidArgs(folder.File("app.zip"));
        args[Array.IndexOf(args, option) + 1] = value;
        var (exitCode, _, error) = PackageBuilder.Run(args);
        Assert.False(File.Exists(folder.File("app.zip")), "no package may be written for bad input");
        return (exitCode, error);
    }

    [Theory]
    [InlineData("--app-id", "teamsbot")]
    [InlineData("--bot-id", "7a1c2e3f4b5d4e6f8a9b0c1d2e3f4a5b-x")]
    public void Refuses_an_id_that_is_not_a_guid(string option, string value)
    {
        var (exitCode, error) = RunWith(option, value);

        Assert.Equal(AppPackageCli.BadInput, exitCode);
        Assert.Contains($"{option} '{value}' is not a GUID", error);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.0.0-beta")]
    [InlineData("01.0.0")]
    [InlineData("v1.0.0")]
    public void Refuses_a_version_that_is_not_major_minor_patch(string version)
    {
        var (exitCode, error) = RunWith("--version", version);

        Assert.Equal(AppPackageCli.BadInput, exitCode);
        Assert.Contains($"--version '{version}' is not a version of the form MAJOR.MINOR.PATCH", error);
    }

    [Theory]
    [InlineData("https://teamsbot.azurewebsites.net", "must not include a scheme")]
    [InlineData("teamsbot.azurewebsites.net/api/messages", "must not include a path")]
    [InlineData("teamsbot.azurewebsites.net:443", "must not include a port")]
    [InlineData("teams bot.no", "is not a valid host name")]
    public void Refuses_a_domain_that_is_not_a_bare_host_name(string domain, string message)
    {
        var (exitCode, error) = RunWith("--domain", domain);

        Assert.Equal(AppPackageCli.BadInput, exitCode);
        Assert.Contains($"--domain '{domain}' {message}", error);
    }

    [Fact]
    public void Names_each_missing_option_and_its_environment_variable()
    {
        var (exitCode, _, error) = PackageBuilder.Run([]);

        Assert.Equal(AppPackageCli.BadInput, exitCode);
        Assert.Contains("--app-id is required (or set the environment variable TEAMS_APP_ID)", error);
        Assert.Contains("--bot-id is required (or set the environment variable MicrosoftAppId)", error);
        Assert.Contains("--version is required", error);
        Assert.Contains("--domain is required", error);
    }

    [Fact]
    public void Refuses_an_unknown_argument()
    {
        var (exitCode, _, error) = PackageBuilder.Run(["--app-idd", PackageBuilder.AppId]);

        Assert.Equal(AppPackageCli.BadInput, exitCode);
        Assert.Contains("Unknown argument '--app-idd'", error);
    }

    [Fact]
    public void Reads_values_from_environment_variables_when_flags_are_absent()
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["TEAMS_APP_ID"] = PackageBuilder.AppId,
            ["MicrosoftAppId"] = PackageBuilder.BotId,
            ["TEAMS_APP_VERSION"] = "2.0.0",
            ["TEAMS_APP_DOMAIN"] = "bot.politiet.example",
        };
        var zip = folder.File("env.zip");

        var (exitCode, output, error) = PackageBuilder.Run(["--out", zip], name => environment.GetValueOrDefault(name));

        Assert.True(exitCode == 0, error);
        Assert.Contains("version 2.0.0", output);
        Assert.True(File.Exists(zip));
    }

    [Fact]
    public void Help_prints_usage_and_succeeds()
    {
        var (exitCode, output, _) = PackageBuilder.Run(["--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("--app-id", output);
    }
}
