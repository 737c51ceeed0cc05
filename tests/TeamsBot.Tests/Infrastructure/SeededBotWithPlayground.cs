using TeamsBot.Measures.Import;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Infrastructure;

/// <summary>
/// The real bot with the seed plans imported, and Microsoft's Teams-like client (the Agents Playground) pointed at it:
/// what a person gets from ./run.sh, for end-to-end tests.
/// </summary>
public sealed class SeededBotWithPlayground : IAsyncDisposable
{
    private SeededBotWithPlayground(TestApp app, PlaygroundFixture playground)
    {
        App = app;
        Playground = playground;
    }

    public TestApp App { get; }
    public PlaygroundFixture Playground { get; }
    public PlaygroundClient Client => Playground.Client;

    public static async Task<SeededBotWithPlayground> StartAsync(AzuriteFixture azurite)
    {
        var app = await TestApp.CreateAsync(azurite);
        try
        {
            var report = await app.Get<PlanImporter>().ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);
            Assert.True(report.Succeeded, string.Join("\n", report.Problems));
            await app.WaitUntilHealthyAsync();
            return new SeededBotWithPlayground(app, await PlaygroundFixture.StartAsync(new Uri(app.BaseAddress, "api/messages")));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Playground.DisposeAsync();
        await App.DisposeAsync();
    }
}
