using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TeamsBot.Measures;
using TeamsBot.Measures.Import;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Chat;

/// <summary>
/// The real app with the seed plans imported, a loopback connector, and the clock at 20 August 2023 (Oslo), between
/// the 25 June plan's start and its autumn deadlines, so deadline questions have answers.
/// </summary>
public sealed class ChatAppFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2023, 8, 20);
    private readonly AzuriteFixture _azurite = new();
    private int _conversation;

    public TestApp App { get; private set; } = null!;
    public LoopbackConnector Connector { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public IReadOnlyList<Measure> Measures { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        Connector = await LoopbackConnector.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 8, 20, 10, 0, 0, TimeSpan.FromHours(2)));
        // The clock stands still, so the connector's per-tenant window would never slide and the 51st answer would wait
        // for ever: lift that limit here (the limits have their own tests in TeamsBot.BotFramework.Tests).
        var settings = new Dictionary<string, string?> { ["BotConnector:PerTenantPerSecond"] = "100000" };
        App = await TestApp.CreateAsync(_azurite, settings, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var report = await App.Get<PlanImporter>().ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);
        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        await App.WaitUntilHealthyAsync();
        Measures = App.Get<MeasureIndex>().Current.Measures.Values.ToList();
        Http = new HttpClient { BaseAddress = App.BaseAddress };
    }

    /// <summary>Asks in a fresh personal chat and returns the bot's one reply activity.</summary>
    public async Task<JsonObject> AskAsync(string text, string locale = "nb-NO")
    {
        var conversation = $"a:chat-{Interlocked.Increment(ref _conversation)}";
        var before = Connector.Messages.Count;
        var response = await Http.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, text, conversation, locale));
        response.EnsureSuccessStatusCode();
        var messages = await Connector.WaitForMessagesAsync(before + 1);
        return messages.Skip(before).Single(m => m["conversation"]?["id"]?.GetValue<string>() == conversation);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
