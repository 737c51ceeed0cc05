using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace TeamsBot.Testing;

/// <summary>
/// Starts a private Azurite Table service on a free loopback port and stops it (process tree) on dispose: in memory by
/// default, or on disk in a temporary folder (<see cref="OnDisk"/>), which can be stopped and started again on the same
/// port with the same data to simulate a storage outage. Usable as an xunit class/collection fixture or directly
/// (StartAsync/DisposeAsync) from the bench.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly DirectoryInfo? _location;

    public AzuriteFixture()
    {
    }

    private AzuriteFixture(DirectoryInfo location) => _location = location;

    /// <summary>An Azurite that keeps its data in a temporary folder (deleted on dispose), so it survives <see cref="StopAsync"/>.</summary>
    public static AzuriteFixture OnDisk() => new(Directory.CreateTempSubdirectory("teamsbot-azurite-"));

    public const string AccountName = "devstoreaccount1";

    /// <summary>The published, well-known Azurite development key (not a secret).</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly OutputTail _output = new(40);
    private Process? _process;
    private int _port;

    public int Port => _port != 0 ? _port : throw new InvalidOperationException("Azurite is not started; call StartAsync first.");

    public Uri TableEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};";

    /// <summary>A fresh valid table name: a letter first, then letters/digits, 3–63 characters in all.</summary>
    public static string NewTableName(string prefix = "t")
    {
        if (prefix.Length == 0 || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit) || prefix.Length > 31)
            throw new ArgumentException("Prefix must start with a letter, hold only letters and digits and be at most 31 long.", nameof(prefix));
        return prefix + Guid.NewGuid().ToString("N");
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_process is not null) throw new InvalidOperationException("Azurite is already started.");
        if (_port != 0) throw new InvalidOperationException("Azurite was started before; use RestartAsync.");
        _port = LoopbackPorts.Free();
        await LaunchAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops Azurite as an outage would (the port refuses connections until <see cref="RestartAsync"/>). SIGINT, so an
    /// on-disk store writes its last changes first, as run.sh stops it.
    /// </summary>
    public async Task StopAsync()
    {
        var process = _process ?? throw new InvalidOperationException("Azurite is not running.");
        _process = null;
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await interrupt.WaitForExitAsync().ConfigureAwait(false);
        try
        {
            await process.WaitForExitAsync().WaitAsync(StartTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        process.Dispose();
    }

    /// <summary>Starts Azurite again after <see cref="StopAsync"/>: same port, and (on disk) the same data.</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (_process is not null) throw new InvalidOperationException("Azurite is running.");
        if (_port == 0) throw new InvalidOperationException("Azurite was never started; use StartAsync.");
        return LaunchAsync(cancellationToken);
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {

        var script = Path.Combine(RepoPaths.NodeModules, "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(script))
            throw new InvalidOperationException($"Azurite is not installed ({script} is missing). Run `npm ci` in {RepoPaths.Root}.");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        string[] persistence = _location is null ? ["--inMemoryPersistence"] : ["--location", _location.FullName];
        string[] args =
        [
            script, "--tableHost", "127.0.0.1", "--tablePort", _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. persistence, "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry",
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Could not run `node`; install Node.js and run `npm ci` in the repository root.", e);
        }
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited with code {_process.ExitCode} before listening on 127.0.0.1:{_port}. " +
                    $"Run `npm ci` in the repository root if it is not installed. Output:{Environment.NewLine}{_output}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < StartTimeout)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                await KillAsync().ConfigureAwait(false);
                throw new TimeoutException(
                    $"Azurite did not listen on 127.0.0.1:{_port} within {StartTimeout.TotalSeconds:0} s. " +
                    $"Run `npm ci` in the repository root. Output:{Environment.NewLine}{_output}", e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        if (_location is { Exists: true }) _location.Delete(recursive: true);
    }

    private async Task KillAsync()
    {
        var process = _process;
        _process = null;
        if (process is null) return;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited between the check and the kill.
        }
        finally
        {
            process.Dispose();
        }
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
