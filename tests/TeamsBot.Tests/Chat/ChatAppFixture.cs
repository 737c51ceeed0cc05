using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TeamsBot.BotFramework.Connector;
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
        var clock = Clock = new FakeTimeProvider(new DateTimeOffset(2023, 8, 20, 10, 0, 0, TimeSpan.FromHours(2)));
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

    public FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>Asks in a fresh personal chat and returns the bot's one reply activity.</summary>
    public Task<JsonObject> AskAsync(string text, string locale = "nb-NO") =>
        AskInAsync(NewConversation(), text, locale);

    public string NewConversation() => $"a:chat-{Interlocked.Increment(ref _conversation)}";

    /// <summary>Asks in <paramref name="conversation"/> (through <paramref name="http"/>: another instance, if given) and returns the one reply.</summary>
    public async Task<JsonObject> AskInAsync(string conversation, string text, string locale = "nb-NO", HttpClient? http = null)
    {
        var before = Connector.Messages.Count;
        var response = await (http ?? Http).PostAsync(TeamsActivities.Message(Connector.ServiceUrl, text, conversation, locale));
        response.EnsureSuccessStatusCode();
        var messages = await Connector.WaitForMessagesAsync(before + 1);
        return messages.Skip(before).Single(m => m["conversation"]?["id"]?.GetValue<string>() == conversation);
    }

    /// <summary>A second instance of the app on the same storage (and clock), as App Service runs several.</summary>
    public async Task<TestApp> StartSecondInstanceAsync()
    {
        var settings = new Dictionary<string, string?> { ["BotConnector:PerTenantPerSecond"] = "100000" };
        var second = await TestApp.CreateAsync(_azurite, settings, tablePrefix: App.TablePrefix, configure: b => b.Services.AddSingleton<TimeProvider>(Clock));
        await second.WaitUntilHealthyAsync();
        // A newcomer sends nothing until every instance has acknowledged it in the shared connector budget; its
        // heartbeats run on this fake clock, so the clock is moved on until both hold half of the budget.
        var apps = new[] { App, second };
        var expected = new RateShare(2);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (apps.Any(app => app.Get<ITenantBudgetShare>().Current != expected))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The second instance never got its share of the connector budget.");
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(apps.Select(app => app.Get<ITenantBudgetShare>().WhenChanged).Append(Task.Delay(TimeSpan.FromMilliseconds(200))));
        }
        return second;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
