using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TeamsBot.Access;
using TeamsBot.Graph;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Updates;

/// <summary>
/// With Graph on (a loopback Graph in its documented REST shapes) a member of an owner unit's Entra group
/// (OwnerGroups:POD) may update that unit's measures without a Roles row, as a status round asks them to; a directory
/// that fails leaves the Roles table to decide, and never fails a card.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GroupOwnerAuthorizationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Plan = "25-juni";
    private const string Clearance = "25-juni-11"; // owners PST, POD, Politidistriktene, Særorganene
    private const string Plivo = "25-juni-22"; // no owner units
    private const string GroupMail = "pod-tiltak@politiet.example";
    private const string MembersPath = "/groups/g-pod/transitiveMembers/graph.user";
    private static readonly TestUser Anna = new("29:anna", "Anna Berg", "44444444-4444-4444-4444-444444444444");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
    private FakeGraphServer _graph = null!;
    private UpdateHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.On("GET", "/groups", r => r.Query.Contains($"mail eq '{GroupMail}'")
            ? FakeResponse.Ok($$"""{"value":[{"id":"g-pod","displayName":"POD tiltak","mail":"{{GroupMail}}"}]}""")
            : FakeResponse.Ok("""{"value":[]}"""));
        _graph.On("GET", MembersPath, FakeResponse.Ok($$"""
            {"@odata.count":1,"value":[{"id":"{{Anna.AadObjectId}}","displayName":"{{Anna.Name}}","mail":"anna.berg@politiet.example","userPrincipalName":"anna.berg@politiet.example"}]}
            """));
        _bot = await UpdateHarness.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = _graph.BaseUrl,
            ["Graph:MaxRetries"] = "0",
            ["OwnerGroups:POD"] = GroupMail,
        }, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(_clock);
            builder.Services.AddTeamsBotGraph(builder.Configuration, new FakeCredential());
        });
        // Roles are in use (no development mode): Kari coordinates another plan, Per owns PST by a Roles row.
        await _bot.GrantAsync(TestUser.Kari, RoleRecord.Coordinator, planIds: "22-juli");
        await _bot.GrantAsync(TestUser.Per, RoleRecord.Owner, ownerUnits: "PST");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task A_member_of_the_owner_units_Entra_group_without_a_role_opens_the_form_saves_an_update_and_the_history_has_it()
    {
        Assert.True(HasEditButton(await RefreshAsync(Clearance, Anna)));
        var historyBefore = (await _bot.HistoryAsync(Plan, Clearance)).Count;

        var form = await _bot.OpenFormAsync(Plan, Clearance, Anna);
        var saved = await _bot.SaveAsync(form, Anna, status: "InProgress", comment: "POD har startet arbeidet");

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)saved["type"]);
        Assert.Equal(MeasureStatus.InProgress, (await _bot.MeasureAsync(Plan, Clearance)).Status);
        var history = await _bot.HistoryAsync(Plan, Clearance);
        Assert.Equal(historyBefore + 1, history.Count);
        var row = Assert.Single(history, h => h.By == Anna.Name);
        Assert.Equal("POD har startet arbeidet", row.Comment);
    }

    [Fact]
    public async Task A_user_in_no_owner_group_is_refused_as_before_and_a_group_member_only_for_the_measures_of_their_unit()
    {
        var outsider = await _bot.ExecuteAsync(CardVerbs.EditMeasure, Data(Clearance), TestUser.Ola);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)outsider["type"]);
        Assert.Contains("Du kan ikke oppdatere dette tiltaket", (string?)outsider["value"]);
        Assert.False(HasEditButton(await RefreshAsync(Clearance, TestUser.Ola)));

        var otherUnit = await _bot.ExecuteAsync(CardVerbs.EditMeasure, Data(Plivo), Anna);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)otherUnit["type"]);
        Assert.False(HasEditButton(await RefreshAsync(Plivo, Anna)));
    }

    [Theory]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(403, "Authorization_RequestDenied")]
    public async Task A_directory_failure_refuses_a_group_member_with_the_usual_text_and_a_Roles_owner_still_updates(int status, string code)
    {
        _graph.On("GET", MembersPath, FakeResponse.Error(status, code, "The directory did not answer."));

        var refused = await _bot.ExecuteAsync(CardVerbs.EditMeasure, Data(Clearance), Anna);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)refused["type"]);
        Assert.Contains("Du kan ikke oppdatere dette tiltaket", (string?)refused["value"]);
        Assert.False(HasEditButton(await RefreshAsync(Clearance, Anna)));

        var form = await _bot.OpenFormAsync(Plan, Clearance, TestUser.Per);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)(await _bot.SaveAsync(form, TestUser.Per, status: "InProgress"))["type"]);
        Assert.Equal(MeasureStatus.InProgress, (await _bot.MeasureAsync(Plan, Clearance)).Status);
    }

    [Fact]
    public async Task After_a_directory_failure_card_views_do_not_ask_Graph_again_until_the_pause_is_over()
    {
        _graph.OnSequence("GET", MembersPath,
            FakeResponse.Error(503, "ServiceUnavailable", "The directory did not answer."),
            FakeResponse.Ok($$"""{"@odata.count":1,"value":[{"id":"{{Anna.AadObjectId}}","displayName":"{{Anna.Name}}","userPrincipalName":"anna.berg@politiet.example"}]}"""));

        Assert.False(HasEditButton(await RefreshAsync(Clearance, Anna)));
        Assert.False(HasEditButton(await RefreshAsync(Clearance, Anna)));
        Assert.Equal(1, _graph.Count("GET", MembersPath));

        _clock.Advance(EditAuthorization.DirectoryPause);
        Assert.True(HasEditButton(await RefreshAsync(Clearance, Anna)));
        Assert.Equal(2, _graph.Count("GET", MembersPath));
    }

    [Fact]
    public async Task A_Roles_owner_or_coordinator_is_decided_without_asking_the_directory()
    {
        await _bot.GrantAsync(TestUser.Ola, RoleRecord.Coordinator, planIds: Plan);

        Assert.True(HasEditButton(await RefreshAsync(Clearance, TestUser.Per)));
        Assert.True(HasEditButton(await RefreshAsync(Clearance, TestUser.Ola)));
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task With_no_roles_stored_everyone_may_still_update_and_the_directory_is_not_asked()
    {
        foreach (var user in new[] { TestUser.Kari, TestUser.Per })
            await _bot.App.Get<RoleStore>().DeleteAsync(user.AadObjectId, CancellationToken.None);

        var form = await _bot.OpenFormAsync(Plan, Plivo, TestUser.Ola);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)(await _bot.SaveAsync(form, TestUser.Ola, status: "Implemented"))["type"]);
        Assert.Equal(MeasureStatus.Implemented, (await _bot.MeasureAsync(Plan, Plivo)).Status);
        Assert.Empty(_graph.Requests);
    }

    private async Task<JsonObject> RefreshAsync(string measureId, TestUser user) =>
        (await _bot.ExecuteAsync(CardVerbs.RefreshMeasure, Data(measureId), user))["value"]!.AsObject();

    private static bool HasEditButton(JsonObject card) =>
        card["actions"]!.AsArray().Any(a => (string?)a!["verb"] == CardVerbs.EditMeasure);

    private static JsonObject Data(string measureId) => new() { ["planId"] = Plan, ["measureId"] = measureId };
}
