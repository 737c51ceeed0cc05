using System.Diagnostics;

namespace TeamsBot.Testing;

/// <summary>
/// The peer benchmark's reference bot: bench/peer/botbuilder-bot.js, a minimal bot on Microsoft's botbuilder for
/// JavaScript (npm botbuilder, pinned in package.json) answering every message with a fixed text, on 127.0.0.1 and a
/// free port. Dispose closes its stdin (it stops and reports its turns) and kills it if it does not.
/// </summary>
public sealed class BotbuilderPeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputTail _errors;

    private BotbuilderPeerProcess(Process process, OutputTail errors, Uri messagesUrl)
    {
        _process = process;
        _errors = errors;
        MessagesUrl = messagesUrl;
    }

    /// <summary>Its <c>/api/messages</c>.</summary>
    public Uri MessagesUrl { get; }

    public static string Script => Path.Combine(RepoPaths.Root, "bench", "peer", "botbuilder-bot.js");

    /// <summary>What the bot printed on stderr lately (turn failures), for failure messages.</summary>
    public string RecentErrors => _errors.ToString();

    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<BotbuilderPeerProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path.Combine(RepoPaths.NodeModules, "botbuilder", "package.json")))
            throw new InvalidOperationException($"botbuilder is not installed in {RepoPaths.NodeModules}. Run `npm ci` in {RepoPaths.Root}.");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add("0");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var errors = new OutputTail(20);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) errors.Add(e.Data);
        };
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("READY ", StringComparison.Ordinal))
                    return new BotbuilderPeerProcess(process, errors, new Uri(line["READY ".Length..]));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        process.Kill(entireProcessTree: true);
        process.Dispose();
        throw new InvalidOperationException($"The botbuilder peer did not report READY within 30 s. Its errors: {errors}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
