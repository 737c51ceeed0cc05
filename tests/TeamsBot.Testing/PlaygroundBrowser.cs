using System.Diagnostics;
using System.Text;

namespace TeamsBot.Testing;

/// <summary>Runs tests/playground/chat-in-browser.mjs: the Playground's web UI in headless Chromium (playwright-core).</summary>
public static class PlaygroundBrowser
{
    public const string DefaultChromium = "/usr/bin/chromium";

    public static string ScriptPath => Path.Combine(RepoPaths.Root, "tests", "playground", "chat-in-browser.mjs");

    /// <summary>
    /// Opens the Playground page, opens <paramref name="chat"/> (default the personal chat; loading the page installs the
    /// bot there, and opening a chat installs it in that chat), types <paramref name="message"/>, presses Enter and waits for
    /// a new bot message containing <paramref name="expectedReplyText"/>; saves a screenshot (also on failure). Returns the
    /// script's output; throws <see cref="InvalidOperationException"/> with it on failure.
    /// </summary>
    public static async Task<string> ChatAsync(
        Uri playgroundUrl, string message, string expectedReplyText, string screenshotPath, string chat = "Personal Chat",
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(playgroundUrl);
        var budget = timeout ?? TimeSpan.FromSeconds(60);
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultChromium;
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium is not installed at {chromium} (apt-get install -y chromium, or set CHROMIUM_PATH).");
        if (!Directory.Exists(Path.Combine(RepoPaths.NodeModules, "playwright-core")))
            throw new InvalidOperationException($"playwright-core is not installed; run `npm ci` in {RepoPaths.Root}.");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in new[]
                 {
                     ScriptPath, playgroundUrl.AbsoluteUri, message, expectedReplyText, Path.GetFullPath(screenshotPath),
                     "--chat", chat,
                     "--timeout-ms", ((long)budget.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--chromium", chromium,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        var gate = new Lock();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // The script bounds itself by the budget; allow it time to close Chromium and write its message.
            await process.WaitForExitAsync(cancellationToken).WaitAsync(budget + TimeSpan.FromSeconds(20), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
            string partial;
            lock (gate) partial = output.ToString();
            throw new TimeoutException($"chat-in-browser.mjs did not finish in time; killed it. Output:{Environment.NewLine}{partial}", e);
        }
        process.WaitForExit(); // flush the redirected output
        string text;
        lock (gate) text = output.ToString();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"chat-in-browser.mjs failed (exit {process.ExitCode}):{Environment.NewLine}{text}");
        return text;
    }
}
