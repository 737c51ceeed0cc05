using System.Diagnostics;
using System.Text.Json;

namespace TeamsBot.AppPackage.Tests;

internal sealed record ValidationResult(string File, string? Schema, IReadOnlyList<string> Errors);

/// <summary>Runs manifest/validate.mjs (the official schemas bundled in @microsoft/app-manifest) on files.</summary>
internal static class SchemaValidator
{
    public static async Task<(int ExitCode, IReadOnlyList<ValidationResult> Results)> ValidateAsync(params string[] files)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Manifest, "validate.mjs"));
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var text = await stdout;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException($"validate.mjs printed nothing (exit {process.ExitCode}): {await stderr}");
        }
        var results = JsonSerializer.Deserialize<List<ValidationResult>>(text, JsonSerializerOptions.Web)!;
        return (process.ExitCode, results);
    }
}
