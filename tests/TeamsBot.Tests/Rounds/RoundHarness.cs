using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TeamsBot.Access;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Measures.Import;
using TeamsBot.Measures.Storage;
using TeamsBot.Rounds;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Updates;

namespace TeamsBot.Tests.Rounds;

/// <summary>
/// The real app on a fake clock (Azurite, the seed plans, a loopback connector), the round scheduler run by hand.
/// Kari coordinates 25-juni; Ola answers for PST and Per for PHS, each with the bot installed in personal chat.
/// </summary>
public sealed class RoundHarness : IAsyncDisposable
{
    public const string PlanId = "25-juni";
    public const string OlaChat = "a:ola";
    public const string PerChat = "a:per";

    /// <summary>Monday 7 December 2026, 10:00 UTC = 11:00 in Oslo.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private RoundHarness(TestApp app, LoopbackConnector connector, FakeTimeProvider clock)
    {
        App = app;
        Connector = connector;
        Clock = clock;
        Http = new HttpClient { BaseAddress = app.BaseAddress };
    }

    public TestApp App { get; }
    public LoopbackConnector Connector { get; }
    public FakeTimeProvider Clock { get; }
    public HttpClient Http { get; }
    public RoundScheduler Scheduler => App.Get<RoundScheduler>();
    public RoundStore Rounds => App.Get<RoundStore>();
    public MeasureStore Store => App.Get<MeasureStore>();

    public static async Task<RoundHarness> StartAsync(AzuriteFixture azurite, LoopbackConnector connector, FakeTimeProvider? clock = null,
        string? tablePrefix = null, string? instanceId = null, bool seed = true, IDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        clock ??= new FakeTimeProvider(Monday);
        var config = new Dictionary<string, string?>
        {
            ["Rounds:SchedulerEnabled"] = "false",
            ["Digest:SchedulerEnabled"] = "false",
            ["Digest:InstanceId"] = instanceId,
            ["BotConnector:BaseDelay"] = "00:00:00.050",
            ["BotConnector:ShareExpiry"] = "01:00:00",
            // The loopback upload server plays OneDrive's upload sessions.
            ["FileUpload:AllowLoopbackHttp"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        var app = await TestApp.CreateAsync(azurite, config, tablePrefix: tablePrefix, configure: builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
            configure?.Invoke(builder);
        });
        var harness = new RoundHarness(app, connector, clock);
        if (seed)
        {
            await app.Get<PlanImporter>().ImportAsync([PlanFiles.Seed(PlanId)], CancellationToken.None);
            await harness.GrantAsync(TestUser.Kari, RoleRecord.Coordinator, PlanId);
            await harness.GrantAsync(TestUser.Ola, RoleRecord.Owner, ownerUnits: "PST");
            await harness.GrantAsync(TestUser.Per, RoleRecord.Owner, ownerUnits: "PHS");
            await harness.InstallAsync(TestUser.Ola, OlaChat);
            await harness.InstallAsync(TestUser.Per, PerChat);
        }
        await app.WaitUntilHealthyAsync();
        return harness;
    }

    public Task GrantAsync(TestUser user, string role, string planIds = "", string ownerUnits = "") =>
        App.Get<RoleStore>().UpsertAsync(new RoleRecord(user.AadObjectId, new HashSet<string>([role], StringComparer.Ordinal),
            [.. planIds.Split(',', StringSplitOptions.RemoveEmptyEntries)], [.. ownerUnits.Split(',', StringSplitOptions.RemoveEmptyEntries)],
            user.Id, user.Name), CancellationToken.None);

    /// <summary>The user installs the bot in personal chat (and gets its welcome).</summary>
    public async Task InstallAsync(TestUser user, string conversationId)
    {
        var before = Connector.Messages.Count;
        var response = await Http.PostAsync(TeamsActivities.PersonalInstall(Connector.ServiceUrl, conversationId, from: user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Connector.WaitForMessagesAsync(before + 1);
    }

    /// <summary>Says <paramref name="text"/> in the user's personal chat and returns the bot's replies.</summary>
    public async Task<IReadOnlyList<JsonObject>> SayAsync(string text, TestUser? user = null, string conversationId = TeamsActivities.PersonalChatId,
        int replies = 1, string locale = "nb-NO", string conversationType = "personal")
    {
        var before = Connector.Messages.Count;
        var response = await Http.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, text, conversationId, locale, user ?? TestUser.Kari, conversationType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await Connector.WaitForMessagesAsync(before + replies)).Skip(before)];
    }

    public async Task<string> SayTextAsync(string text, TestUser? user = null, string locale = "nb-NO") =>
        (string)(await SayAsync(text, user, locale: locale))[0]["text"]!;

    /// <summary>Action.Execute on a round card, in <paramref name="conversationId"/>; the invoke response's body.</summary>
    public async Task<JsonObject> ExecuteAsync(string verb, JsonObject data, TestUser user, string conversationId)
    {
        var response = await Http.PostAsync(TeamsActivities.Execute(Connector.ServiceUrl, verb, data.DeepClone().AsObject(), conversationId, from: user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>The start card the bot answers <paramref name="text"/> with.</summary>
    public async Task<JsonObject> StartCardAsync(string text, TestUser? user = null, string locale = "nb-NO") =>
        UpdateHarness.CardsOf((await SayAsync(text, user, locale: locale))[0]).Single();

    /// <summary>What a client sends when the start card's button is pressed: the inputs as filled in, changed where told.</summary>
    public static JsonObject FillStart(JsonObject card, string? plan = null, string? deadline = null, string? note = null)
    {
        var data = new JsonObject();
        foreach (var input in UpdateHarness.Inputs(card))
            data[(string)input["id"]!] = input["value"]?.GetValue<string>() ?? "";
        if (plan is not null) data[RoundStartCard.PlanInput] = plan;
        if (deadline is not null) data[RoundStartCard.DeadlineInput] = deadline;
        if (note is not null) data[RoundStartCard.NoteInput] = note;
        return data;
    }

    /// <summary>One poll of the scheduler, the clock stepping meanwhile (the connector's shared budget moves with it).</summary>
    public Task<IReadOnlyList<RoundSend>> PollAsync() => Clock.AdvanceWhileAsync(Scheduler.RunDueAsync(CancellationToken.None), TimeSpan.FromMilliseconds(20));

    public IReadOnlyList<JsonObject> MessagesTo(string conversationId) =>
        [.. Connector.Requests.Where(r => r.IsMessage && r.Succeeded && r.ConversationId == conversationId).Select(r => r.Body!)];

    /// <summary>The round cards (not the welcome) sent to a conversation.</summary>
    public IReadOnlyList<JsonObject> RoundCardsTo(string conversationId) =>
        [.. MessagesTo(conversationId).SelectMany(UpdateHarness.CardsOf).Where(c => UpdateHarness.Text(c).Contains("Statusforespørsel", StringComparison.Ordinal))];

    public static IEnumerable<JsonObject> ConfirmActions(JsonObject card) =>
        UpdateHarness.Descendants(card).Where(n => (string?)n["verb"] == CardVerbs.ConfirmInRound);

    public async Task<Round> OpenRoundAsync() => Assert.Single(await Rounds.ListOpenAsync(CancellationToken.None, PlanId).ToListAsync());

    public IReadOnlyList<Measure> OpenMeasuresOf(string unit) =>
        [.. App.Get<MeasureIndex>().Current.Measures.Values
            .Where(m => m.PlanId == PlanId && m.Status != MeasureStatus.Implemented && m.Owners.Contains(unit))
            .OrderBy(m => m.Order)];

    public async Task<List<HistoryEntry>> HistoryAsync(string measureId) =>
        await Store.GetHistoryAsync(PlanId, measureId, CancellationToken.None).ToListAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}
