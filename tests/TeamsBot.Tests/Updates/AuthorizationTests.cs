using System.Text.Json.Nodes;
using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Updates;

namespace TeamsBot.Tests.Updates;

/// <summary>Who may update: owners of the measure (by unit) and coordinators of its plan, from the Roles table.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuthorizationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Plan = "25-juni";
    private const string Plivo = "25-juni-22";
    private const string Clearance = "25-juni-11"; // owners PST, POD, Politidistriktene, Særorganene
    private UpdateHarness _h = null!;

    public async Task InitializeAsync() => _h = await UpdateHarness.StartAsync(azurite);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task With_roles_configured_a_user_without_a_role_is_refused_with_the_reason_and_nothing_is_written()
    {
        await _h.GrantAsync(TestUser.Ola, "coordinator", planIds: Plan);
        var form = await _h.OpenFormAsync(Plan, Clearance, TestUser.Ola); // Ola may open it; Kari submits it
        var before = await _h.MeasureAsync(Plan, Clearance);
        var historyBefore = (await _h.HistoryAsync(Plan, Clearance)).Count;

        var response = await _h.ExecuteAsync(CardVerbs.UpdateMeasure, UpdateHarness.Fill(form, status: "Implemented"), TestUser.Kari);

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)response["type"]);
        var message = (string)response["value"]!;
        Assert.Contains("Du kan ikke oppdatere dette tiltaket", message);
        Assert.Contains("PST, POD, Politidistriktene, Særorganene", message);
        Assert.Contains("koordinatorene", message);
        Assert.Equal(before.Version, (await _h.MeasureAsync(Plan, Clearance)).Version);
        Assert.Equal(historyBefore, (await _h.HistoryAsync(Plan, Clearance)).Count);
    }

    [Fact]
    public async Task A_user_without_a_role_cannot_even_open_the_form_and_the_measure_card_hides_the_button()
    {
        await _h.GrantAsync(TestUser.Ola, "coordinator", planIds: Plan);

        var edit = await _h.ExecuteAsync(CardVerbs.EditMeasure, Data(Plivo), TestUser.Kari);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)edit["type"]);
        Assert.Contains("Bare koordinatorene for planen", (string?)edit["value"]);

        var card = (await _h.ExecuteAsync(CardVerbs.RefreshMeasure, Data(Plivo), TestUser.Kari))["value"]!.AsObject();
        Assert.DoesNotContain(card["actions"]!.AsArray(), a => (string?)a!["verb"] == CardVerbs.EditMeasure);
        var olasCard = (await _h.ExecuteAsync(CardVerbs.RefreshMeasure, Data(Plivo), TestUser.Ola))["value"]!.AsObject();
        Assert.Contains(olasCard["actions"]!.AsArray(), a => (string?)a!["verb"] == CardVerbs.EditMeasure);
    }

    [Fact]
    public async Task A_coordinator_of_another_plan_is_refused_but_a_coordinator_of_every_plan_is_not()
    {
        await _h.GrantAsync(TestUser.Kari, "coordinator", planIds: "22-juli");
        await _h.GrantAsync(TestUser.Ola, "coordinator", planIds: "*");

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)(await _h.ExecuteAsync(CardVerbs.EditMeasure, Data(Plivo), TestUser.Kari))["type"]);
        var form = await _h.OpenFormAsync(Plan, Plivo, TestUser.Ola);
        await _h.SaveAsync(form, TestUser.Ola, status: "Implemented");
        Assert.Equal(MeasureStatus.Implemented, (await _h.MeasureAsync(Plan, Plivo)).Status);
    }

    [Fact]
    public async Task An_owner_may_update_the_measures_of_their_unit_only()
    {
        await _h.GrantAsync(TestUser.Per, "owner", ownerUnits: "PST", byTeamsId: true);

        var form = await _h.OpenFormAsync(Plan, Clearance, TestUser.Per);
        var saved = await _h.SaveAsync(form, TestUser.Per, status: "InProgress", comment: "PST har startet");
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)saved["type"]);
        Assert.Equal(MeasureStatus.InProgress, (await _h.MeasureAsync(Plan, Clearance)).Status);

        var refused = await _h.ExecuteAsync(CardVerbs.EditMeasure, Data(Plivo), TestUser.Per);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)refused["type"]);
    }

    [Fact]
    public async Task Measure_cards_in_a_group_chat_refresh_for_the_viewer_and_the_measures_caretakers()
    {
        await _h.GrantAsync(TestUser.Ola, "coordinator", planIds: Plan);
        await _h.GrantAsync(TestUser.Per, "owner", ownerUnits: "PST");

        var card = (await _h.ExecuteAsync(CardVerbs.RefreshMeasure, Data(Clearance), TestUser.Kari, conversationType: "groupChat"))["value"]!.AsObject();

        var userIds = card["refresh"]!["userIds"]!.AsArray().Select(u => (string)u!).ToList();
        Assert.Equal([TestUser.Kari.Id, TestUser.Ola.Id, TestUser.Per.Id], userIds);
        await _h.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task The_decision_says_why_and_leaves_the_words_to_the_caller()
    {
        var authorization = _h.App.Get<EditAuthorization>();
        var plivo = await _h.MeasureAsync(Plan, Plivo);
        static BotUser User(TestUser u) => new(u.Id, u.AadObjectId, u.Name);
        Assert.Equal(EditDecision.Allowed, await authorization.DecideAsync(User(TestUser.Kari), plivo, CancellationToken.None)); // no roles: development

        await _h.GrantAsync(TestUser.Ola, "coordinator", planIds: "22-juli");
        await _h.GrantAsync(TestUser.Per, "coordinator", planIds: Plan);

        Assert.Equal(EditDecision.NoRole, await authorization.DecideAsync(User(TestUser.Kari), plivo, CancellationToken.None));
        Assert.Equal(EditDecision.NotResponsible, await authorization.DecideAsync(User(TestUser.Ola), plivo, CancellationToken.None));
        Assert.Equal(EditDecision.Allowed, await authorization.DecideAsync(User(TestUser.Per), plivo, CancellationToken.None));
    }

    private static JsonObject Data(string measureId) => new() { ["planId"] = Plan, ["measureId"] = measureId };
}
