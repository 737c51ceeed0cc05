using System.Diagnostics;
using System.Globalization;

namespace TeamsBot.Testing;

/// <summary>
/// Runs the Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, from the repository's node_modules) as a
/// Teams-like client on a free loopback port, pointed at a bot endpoint. It is forced onto 127.0.0.1 by
/// tests/playground/loopback-only.cjs and is its own connector (serviceUrl <c>{BaseAddress}_connector</c>, no auth).
/// Dispose kills the process tree.
/// </summary>
public sealed class PlaygroundProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(40);

    private readonly Process _process;
    private readonly PlaygroundOutput _output;

    private readonly string _logFile;

    private PlaygroundProcess(Process process, PlaygroundOutput output, int port, Uri botEndpoint, string logFile)
    {
        _logFile = logFile;
        _process = process;
        _output = output;
        Port = port;
        BotEndpoint = botEndpoint;
    }

    public int Port { get; }

    /// <summary>The bot's messaging endpoint the Playground posts activities to.</summary>
    public Uri BotEndpoint { get; }

    /// <summary><c>http://127.0.0.1:{Port}/</c>: the web UI, the test APIs and the connector.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The serviceUrl the Playground puts in activities (the bot replies there).</summary>
    public Uri ServiceUrl => new(BaseAddress, "_connector");

    /// <summary>The last lines the Playground printed (for failure messages).</summary>
    public string RecentOutput => _output.ToString();

    public bool HasExited => _process.HasExited;

    public static string PackageFolder => Path.Combine(RepoPaths.NodeModules, "@microsoft", "m365agentsplayground");

    /// <summary>
    /// Starts the Playground and waits until it listens on the chosen port and <c>GET /_internal/v1/testConfig</c> answers.
    /// (The Playground silently moves to a random port when its port is taken; that is detected and retried.)
    /// </summary>
    public static async Task<PlaygroundProcess> StartAsync(
        Uri botEndpoint, PlaygroundOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(botEndpoint);
        if (!botEndpoint.IsAbsoluteUri) throw new ArgumentException("The bot endpoint must be absolute.", nameof(botEndpoint));
        options ??= new PlaygroundOptions();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(botEndpoint, options, cancellationToken).ConfigureAwait(false);
            }
            catch (PortTakenException) when (attempt < 3)
            {
                // Someone took the free port between our probe and the Playground's listen: try another one.
            }
        }
    }

    private static async Task<PlaygroundProcess> StartOnceAsync(Uri botEndpoint, PlaygroundOptions options, CancellationToken cancellationToken)
    {
        var cli = Path.Combine(PackageFolder, "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException(
                $"The Agents Playground is not installed ({cli} is missing). Run `npm ci` in {RepoPaths.Root}.");
        }
        var preload = Path.Combine(RepoPaths.Root, "tests", "playground", "loopback-only.cjs");
        if (!File.Exists(preload)) throw new InvalidOperationException($"The loopback preload {preload} is missing.");

        var port = LoopbackPorts.Free();
        var portText = port.ToString(CultureInfo.InvariantCulture);
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
                     "-r", preload, cli,
                     "-e", botEndpoint.AbsoluteUri,
                     "-c", "msteams",
                     "-p", portText,
                     "--service-url", $"http://127.0.0.1:{portText}/_connector",
                     "--disable-telemetry",
                 })
        {
            start.ArgumentList.Add(arg);
        }
        if (options.PersonalConversationId is not null)
        {
            start.ArgumentList.Add("--conversation-id");
            start.ArgumentList.Add(options.PersonalConversationId);
        }
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["BROWSER"] = "none";
        // Its own log goes to ./devTools/m365agentsplayground.log unless told otherwise: keep it out of the repository.
        var logFile = Path.Combine(Path.GetTempPath(), $"m365agentsplayground-{Guid.NewGuid():N}.log");
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = logFile;
        if (options.ConfigFile is not null)
        {
            if (!File.Exists(options.ConfigFile)) throw new FileNotFoundException("The Playground config file is missing.", options.ConfigFile);
            start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = Path.GetFullPath(options.ConfigFile);
        }

        var output = new PlaygroundOutput(port);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Could not run `node`; install Node.js and run `npm ci` in the repository root.", e);
        }
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var playground = new PlaygroundProcess(process, output, port, botEndpoint, logFile);
        try
        {
            await playground.WaitUntilReadyAsync(options.StartTimeout ?? DefaultStartTimeout, cancellationToken).ConfigureAwait(false);
            return playground;
        }
        catch
        {
            await playground.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_output.OtherPort is { } other)
            {
                throw new PortTakenException(
                    $"Port {Port} was taken; the Agents Playground moved to port {other}. Output:{Environment.NewLine}{RecentOutput}");
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The Agents Playground exited with code {_process.ExitCode} before answering on {BaseAddress}. " +
                    $"Run `npm ci` in {RepoPaths.Root} if it is not installed. Output:{Environment.NewLine}{RecentOutput}");
            }
            try
            {
                using var response = await http.GetAsync("_internal/v1/testConfig", cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode && _output.ListeningOnOurPort) return;
                last = new HttpRequestException($"testConfig answered {(int)response.StatusCode}.");
            }
            catch (HttpRequestException e)
            {
                last = e;
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                last = e;
            }
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
        throw new TimeoutException(
            $"The Agents Playground did not answer GET {BaseAddress}_internal/v1/testConfig within {timeout.TotalSeconds:0} s " +
            $"(last error: {last?.Message}). Output:{Environment.NewLine}{RecentOutput}", last);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        catch (TimeoutException)
        {
            // Killed but not reaped in time; nothing more we can do.
        }
        finally
        {
            _process.Dispose();
            try
            {
                File.Delete(_logFile);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed class PortTakenException(string message) : Exception(message);

    /// <summary>Keeps the last lines the Playground printed.</summary>
    private sealed class PlaygroundOutput(int expectedPort)
    {
        private const string Listening = "Listening on ";
        private readonly OutputTail _tail = new(60);
        private readonly Lock _gate = new();

        /// <summary>The Playground printed "Listening on {expectedPort}".</summary>
        public bool ListeningOnOurPort { get; private set; }

        /// <summary>The port the Playground printed it listens on, when not the expected one.</summary>
        public int? OtherPort { get; private set; }

        public void Add(string? line)
        {
            if (line is null) return;
            if (line.StartsWith(Listening, StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(Listening.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                lock (_gate)
                {
                    if (port == expectedPort) ListeningOnOurPort = true;
                    else OtherPort = port;
                }
            }
            _tail.Add(line);
        }

        public override string ToString() => _tail.ToString();
    }
}

/// <summary>How to start the Playground.</summary>
public sealed record PlaygroundOptions
{
    /// <summary>The personal chat's conversation id (<c>--conversation-id</c>); default: a random one per start.</summary>
    public string? PersonalConversationId { get; init; }

    /// <summary>
    /// A <c>.m365agentsplayground.yml</c> with other users, chats and teams (<c>M365_AGENTS_PLAYGROUND_CONFIG_PATH</c>);
    /// default: the Playground's built-in tenant (unless the repository root has such a file: it runs there).
    /// </summary>
    public string? ConfigFile { get; init; }

    /// <summary>How long to wait for it to answer; default 40 s.</summary>
    public TimeSpan? StartTimeout { get; init; }
}
