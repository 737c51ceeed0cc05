using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using TeamsBot.Testing;

namespace TeamsBot.Infrastructure.Tests;

/// <summary>What one bicep run printed. Bicep prints nothing on success; every diagnostic is a line on stderr.</summary>
internal sealed record BicepRun(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Exit code 0 and not one diagnostic (error, warning or info).</summary>
    public bool IsClean => ExitCode == 0 && StandardError.Trim().Length == 0;

    public override string ToString() =>
        $"{Command} exited {ExitCode}.{Environment.NewLine}stderr:{Environment.NewLine}{Or(StandardError)}{Environment.NewLine}stdout:{Environment.NewLine}{Or(StandardOutput)}";

    private static string Or(string text) => text.Trim().Length == 0 ? "(none)" : text.TrimEnd();
}

/// <summary>
/// The bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package (pinned in Directory.Packages.props, restored
/// like every other package). The bicep CLI sends no telemetry and checks for no update (those belong to the VS Code
/// extension and to az); the one thing that reaches a network is restoring registry modules, which every run turns
/// off with --no-restore.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly Lazy<string> Executable = new(Locate);

    public static async Task<BicepRun> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable.Value}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }
        return new BicepRun($"bicep {string.Join(' ', arguments)}", process.ExitCode, await stdout, await stderr);
    }

    private static string Locate()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException($"The pinned bicep package is the Linux x64 build; this is {RuntimeInformation.RuntimeIdentifier}.");
        }
        var root = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPackageRoot")?.Value;
        if (string.IsNullOrEmpty(root))
        {
            throw new InvalidOperationException("The build did not record where the Azure.Bicep.CommandLine.linux-x64 package was restored (GeneratePathProperty).");
        }
        var path = Path.Combine(root, "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"No bicep binary at {path}: restore the solution (dotnet build) first.");
        }
        // NuGet extracts with the archive's permissions, which may leave the binary without its x bit.
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }
        return path;
    }
}
