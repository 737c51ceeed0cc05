using System.IO.Compression;

namespace TeamsBot.AppPackage.Tests;

/// <summary>Runs the packager like a user would and unpacks the zip for inspection.</summary>
internal static class PackageBuilder
{
    public const string AppId = "0d3f8a52-6c1e-4b7a-9f2d-5e8c7b6a1d40";
    public const string BotId = "7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b";

    public static string[] ValidArgs(string outPath) =>
        ["--app-id", AppId, "--bot-id", BotId, "--version", "1.2.3", "--domain", "teamsbot-pod.azurewebsites.net", "--out", outPath];

    public static (int ExitCode, string Output, string Error) Run(string[] args, Func<string, string?>? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = AppPackageCli.Run(args, output, error, environment ?? (_ => null));
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Builds the package into the folder and extracts it to folder/unpacked; returns that path.</summary>
    public static string BuildAndExtract(TempFolder folder)
    {
        var zip = folder.File("teamsbot-app.zip");
        var (exitCode, _, error) = Run(ValidArgs(zip));
        Assert.True(exitCode == 0, error);
        var unpacked = folder.File("unpacked");
        ZipFile.ExtractToDirectory(zip, unpacked);
        return unpacked;
    }
}
