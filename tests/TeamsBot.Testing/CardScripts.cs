using System.ComponentModel;
using System.Diagnostics;

namespace TeamsBot.Testing;

/// <summary>Runs the node scripts under tests/cards with clear messages when node or the npm packages are missing.</summary>
internal static class CardScripts
{
    public static string ScriptPath(string script) => Path.Combine(RepoPaths.Root, "tests", "cards", script);

    public static void RequirePackages(params string[] packages)
    {
        foreach (var package in packages)
        {
            if (!Directory.Exists(Path.Combine(RepoPaths.NodeModules, package)))
                throw new InvalidOperationException(
                    $"The npm package '{package}' is not installed under {RepoPaths.NodeModules}. Run `npm ci` in {RepoPaths.Root}.");
        }
    }

    /// <summary>Runs <c>node script args</c> in the repository root, feeding <paramref name="stdin"/>; returns its output.</summary>
    public static async Task<NodeResult> RunAsync(
        string script, IEnumerable<string> args, string? stdin, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ScriptPath(script));
        foreach (var arg in args) start.ArgumentList.Add(arg);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Could not start `node` ({e.Message}). Install Node.js 20+ and run `npm ci` in {RepoPaths.Root}.", e);
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            if (stdin is not null) await process.StandardInput.WriteAsync(stdin.AsMemory(), timeoutSource.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeoutSource.Token);
            return new NodeResult(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {timeout.TotalSeconds:0} s.");
        }
    }

    public sealed record NodeResult(int ExitCode, string Stdout, string Stderr);
}
