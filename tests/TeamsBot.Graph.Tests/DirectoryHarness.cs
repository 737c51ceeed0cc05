using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TeamsBot.Graph.Tests;

/// <summary>A fake Graph plus the directory wired through AddTeamsBotGraph, as the app wires it.</summary>
internal sealed class DirectoryHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DirectoryHarness(FakeGraphServer graph, ServiceProvider services, FakeCredential credential)
    {
        Graph = graph;
        _services = services;
        Credential = credential;
    }

    public FakeGraphServer Graph { get; }
    public FakeCredential Credential { get; }
    public IDirectory Directory => _services.GetRequiredService<IDirectory>();

    public static async Task<DirectoryHarness> StartAsync(int maxRetries = 3)
    {
        var graph = await FakeGraphServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Graph:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Graph:MaxRetryWait"] = "00:00:10",
        }).Build();
        var credential = new FakeCredential();
        var services = new ServiceCollection().AddLogging().AddTeamsBotGraph(configuration, credential).BuildServiceProvider();
        return new DirectoryHarness(graph, services, credential);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
