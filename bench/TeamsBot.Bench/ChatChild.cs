using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace TeamsBot.Bench;

/// <summary>
/// An endpoint under test in its own process (this benchmark's executable, <c>chat --host …</c>), so its working set is
/// its own. It prints "READY url" once serving; "mem" on stdin answers "MEM workingSet gcHeapSize live" after a full GC;
/// closing stdin stops it. The parent kills it if it does not stop.
/// </summary>
internal sealed class ChatChild : IAsyncDisposable
{
    private readonly Process _process;

    private ChatChild(Process process, Uri messagesUrl)
    {
        _process = process;
        MessagesUrl = messagesUrl;
    }

    public Uri MessagesUrl { get; }

    public static async Task<ChatChild> StartAsync(IEnumerable<string> hostArgs, bool serverGc, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        start.ArgumentList.Add("chat");
        start.ArgumentList.Add("--host");
        foreach (var arg in hostArgs) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("READY ", StringComparison.Ordinal)) return new ChatChild(process, new Uri(line["READY ".Length..]));
        throw new InvalidOperationException("The child process ended before it was ready.");
    }

    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public async Task<ChatMemory> MemoryAsync(CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync("mem");
        await _process.StandardInput.FlushAsync(cancellationToken);
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("MEM ", StringComparison.Ordinal)) continue;
            var parts = line.Split(' ');
            return new ChatMemory(long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture));
        }
        throw new InvalidOperationException("The child process ended.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}

/// <summary>Bytes after a full compacting GC.</summary>
internal sealed record ChatMemory(long WorkingSet, long GcHeapSize, long Live)
{
    public static ChatMemory OfThisProcess()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new ChatMemory(process.WorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes, GC.GetTotalMemory(forceFullCollection: false));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"MEM {WorkingSet} {GcHeapSize} {Live}");
}
