using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsBot.Chat.Search;
using TeamsBot.Measures;

namespace TeamsBot.Bench;

/// <summary>
/// The child side of <see cref="ChatChild"/>: "floor" (the protocol benchmark's floor) or "app" (the real service on
/// the seeded Azurite tables, started as Program starts it, with the read index loaded and the search index built
/// before it reports ready). Logs go to stderr; stdout carries only READY and MEM lines.
/// </summary>
internal static class ChatHost
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var kind = args[Array.IndexOf(args, "--host") + 1];
        await using var endpoint = kind == "floor" ? (IAsyncDisposable)await ProtocolFloor.StartAsync(cancellationToken) : await StartAppAsync(args, cancellationToken);
        var url = endpoint is ProtocolFloor floor ? floor.MessagesUrl : ((AppHandle)endpoint).MessagesUrl;
        Console.WriteLine($"READY {url}");
        while (await Console.In.ReadLineAsync(cancellationToken) is { } command)
            if (command == "mem") Console.WriteLine(ChatMemory.OfThisProcess());
        return 0;
    }

    private static async Task<AppHandle> StartAppAsync(string[] args, CancellationToken cancellationToken)
    {
        string Arg(string name) => args[Array.IndexOf(args, name) + 1];
        var expected = int.Parse(Arg("--expect"), CultureInfo.InvariantCulture);
        // Content root = this executable's folder, as in a deployment: the default (the working directory, i.e. the
        // repository) made the configuration's file watcher watch every folder of node_modules, ~0.5 MiB of the heap.
        var app = TeamsBotApplication.Create(["--contentRoot", AppContext.BaseDirectory], builder =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = Arg("--connection"),
                ["Storage:TablePrefix"] = Arg("--prefix"),
                ["Logging:LogLevel:Default"] = "Warning",
            };
            // Azurite shares our clock, so no skew to allow for (the app's default is 2 min).
            if (!args.Contains("--default-skew")) settings["Index:ClockSkewAllowance"] = "00:00:01";
            // --no-poll: the index is never refreshed during the run (docs/benchmarks.md: each poll swaps the snapshot).
            if (args.Contains("--no-poll")) settings["Index:RefreshInterval"] = "01:00:00";
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync(cancellationToken);
        var index = app.Services.GetRequiredService<MeasureIndex>();
        for (var waited = 0; !(index.IsLoaded && index.Current.Measures.Count >= expected); waited++)
        {
            if (waited > 1200) throw new TimeoutException($"The index holds {index.Current.Measures.Count} measures after 60 s, expected {expected}.");
            await Task.Delay(50, cancellationToken);
        }
        app.Services.GetRequiredService<MeasureSearch>().Search("risikovurderingsverktøy"); // builds the search index
        return new AppHandle(app);
    }

    private sealed class AppHandle(WebApplication app) : IAsyncDisposable
    {
        public Uri MessagesUrl => new(LoopbackHost.Address(app) + "/api/messages");

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
