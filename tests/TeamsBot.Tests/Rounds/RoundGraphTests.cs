using TeamsBot.Graph;
using TeamsBot.Measures.Cards;
using TeamsBot.Rounds;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Updates;

namespace TeamsBot.Tests.Rounds;

/// <summary>
/// With Graph on (a loopback Graph in its documented REST shapes): an owner unit's people are its Entra group's
/// transitive members, and an owner without a personal chat gets the app installed and a new 1:1 conversation.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoundGraphTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string CatalogAppId = "e3c0a1b2-5555-4666-8777-000000000abc";
    private const string GroupMail = "pod-tiltak@politiet.example";
    private static readonly TestUser Anna = new("29:anna", "Anna Berg", "44444444-4444-4444-4444-444444444444");

    private LoopbackConnector _connector = null!;
    private FakeGraphServer _graph = null!;
    private RoundHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _graph = await FakeGraphServer.StartAsync();
        _graph.On("GET", "/groups", r => r.Query.Contains($"mail eq '{GroupMail}'")
            ? FakeResponse.Ok($$"""{"value":[{"id":"g-pod","displayName":"POD tiltak","mail":"{{GroupMail}}"}]}""")
            : FakeResponse.Ok("""{"value":[]}"""));
        _graph.On("GET", "/groups/g-pod/transitiveMembers/graph.user", FakeResponse.Ok($$"""
            {"@odata.count":1,"value":[{"id":"{{Anna.AadObjectId}}","displayName":"{{Anna.Name}}","mail":"anna.berg@politiet.example","userPrincipalName":"anna.berg@politiet.example"}]}
            """));
        _graph.On("POST", $"/users/{Anna.AadObjectId}/teamwork/installedApps", new FakeResponse(201));
        _bot = await RoundHarness.StartAsync(azurite, _connector, settings: new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = _graph.BaseUrl,
            ["OwnerGroups:POD"] = GroupMail,
            ["Rounds:TeamsAppId"] = CatalogAppId,
            ["Rounds:ServiceUrl"] = _connector.ServiceUrl,
        }, configure: builder => builder.Services.AddTeamsBotGraph(builder.Configuration, new FakeCredential()));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_group_member_without_a_chat_gets_the_app_installed_and_the_request_in_a_new_personal_chat_and_can_confirm()
    {
        var started = UpdateHarness.Text(UpdateHarness.CardsOf((await _bot.SayAsync("be om status for 25. juni-planen innen 18. desember 2026"))[0]).Single());
        Assert.DoesNotContain("POD:", started);

        var sends = await _bot.PollAsync();
        Assert.Contains(sends, s => s.Unit == "POD" && s.PersonKey == Anna.AadObjectId && s.Outcome == RoundSendOutcome.Sent);
        Assert.Equal(1, _graph.Count("POST", $"/users/{Anna.AadObjectId}/teamwork/installedApps"));
        Assert.Contains($"/appCatalogs/teamsApps/{CatalogAppId}", _graph.Requests.Single(r => r.Method == "POST").Body);
        var created = Assert.Single(_connector.CreatedConversations);
        Assert.Equal(Anna.AadObjectId, (string?)created.Body!["members"]![0]!["id"]);
        var card = UpdateHarness.CardsOf(created.Body["activity"]!.AsObject()).Single();
        Assert.Contains("Statusforespørsel", UpdateHarness.Text(card));

        var confirm = RoundHarness.ConfirmActions(card).First()["data"]!.AsObject();
        var answer = await _bot.ExecuteAsync(CardVerbs.ConfirmInRound, confirm, Anna, "a:anna-new");
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        Assert.Equal("round", (await _bot.HistoryAsync((string)confirm["measureId"]!))[0].Source);

        // A second poll installs nothing more and sends nothing more.
        await _bot.PollAsync();
        Assert.Equal(1, _graph.Count("POST", $"/users/{Anna.AadObjectId}/teamwork/installedApps"));
        Assert.Single(_connector.CreatedConversations);
    }
}
