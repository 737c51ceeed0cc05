using System.Text.Json.Nodes;
using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Updates;

/// <summary>Who may update: owners of the measure (by unit) and coordinators of its plan, from the Roles table.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuthorizationTests(AzuriteFixture azurite) : UpdateTestsBase(azurite)
{
    private const string Clearance = "25-juni-11"; // owners PST, POD, Politidistriktene, Særorganene

    [Fact]
    public async Task With_roles_configured_a_user_without_a_role_is_refused_with_the_reason_and_nothing_is_written()
    {
        await Harness.GrantAsync(TestUser.Ola, "coordinator", planIds: Plan);
        var form = await Harness.OpenFormAsync(Plan, Clearance, TestUser.Ola); // Ola may open it; Kari submits it
        var before = await Harness.MeasureAsync(Plan, Clearance);
        var historyBefore = (await Harness.HistoryAsync(Plan, Clearance)).Count;

        var response = await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, UpdateHarness.Fill(form, status: "Implemented"), TestUser.Kari);

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)response["type"]);
        var message = (string)response["value"]!;
        Assert.Contains("Du kan ikke oppdatere dette tiltaket", message);
        Assert.Contains("PST, POD, Politidistriktene, Særorganene", message);
        Assert.Contains("koordinatorene", message);
        Assert.Equal(before.Version, (await Harness.MeasureAsync(Plan, Clearance)).Version);
        Assert.Equal(historyBefore, (await Harness.HistoryAsync(Plan, Clearance)).Count);
    }

    [Fact]
    public async Task A_user_without_a_role_cannot_even_open_the_form_and_the_measure_card_hides_the_button()
    {
        await Harness.GrantAsync(TestUser.Ola, "coordinator", planIds: Plan);

        var edit = await Harness.ExecuteAsync(CardVerbs.EditMeasure, Data(Plivo), TestUser.Kari);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)edit["type"]);
        Assert.Contains("Bare koordinatorene for planen", (string?)edit["value"]);

        var card = (await Harness.ExecuteAsync(CardVerbs.RefreshMeasure, Data(Plivo), TestUser.Kari))["value"]!.AsObject();
        Assert.DoesNotContain(card["actions"]!.AsArray(), a => (string?)a!["verb"] == CardVerbs.EditMeasure);
        var olasCard = (await Harness.ExecuteAsync(CardVerbs.RefreshMeasure, Data(Plivo), TestUser.Ola))["value"]!.AsObject();
        Assert.Contains(olasCard["actions"]!.AsArray(), a => (string?)a!["verb"] == CardVerbs.EditMeasure);
    }

    [Fact]
    public async Task A_coordinator_of_another_plan_is_refused_but_a_coordinator_of_every_plan_is_not()
    {
        await Harness.GrantAsync(TestUser.Kari, "coordinator", planIds: "22-juli");
        await Harness.GrantAsync(TestUser.Ola, "coordinator", planIds: "*");

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)(await Harness.ExecuteAsync(CardVerbs.EditMeasure, Data(Plivo), TestUser.Kari))["type"]);
        var form = await Harness.OpenFormAsync(Plan, Plivo, TestUser.Ola);
        await Harness.SaveAsync(form, TestUser.Ola, status: "Implemented");
        Assert.Equal(MeasureStatus.Implemented, (await Harness.MeasureAsync(Plan, Plivo)).Status);
    }

    [Fact]
    public async Task An_owner_may_update_the_measures_of_their_unit_only()
    {
        await Harness.GrantAsync(TestUser.Per, "owner", ownerUnits: "PST", byTeamsId: true);

        var form = await Harness.OpenFormAsync(Plan, Clearance, TestUser.Per);
        var saved = await Harness.SaveAsync(form, TestUser.Per, status: "InProgress", comment: "PST har startet");
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)saved["type"]);
        Assert.Equal(MeasureStatus.InProgress, (await Harness.MeasureAsync(Plan, Clearance)).Status);

        var refused = await Harness.ExecuteAsync(CardVerbs.EditMeasure, Data(Plivo), TestUser.Per);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)refused["type"]);
    }

    [Fact]
    public async Task Measure_cards_in_a_group_chat_refresh_for_the_viewer_and_the_measures_caretakers()
    {
        await Harness.GrantAsync(TestUser.Ola, "coordinator", planIds: Plan);
        await Harness.GrantAsync(TestUser.Per, "owner", ownerUnits: "PST");

        var card = (await Harness.ExecuteAsync(CardVerbs.RefreshMeasure, Data(Clearance), TestUser.Kari, conversationType: "groupChat"))["value"]!.AsObject();

        var userIds = card["refresh"]!["userIds"]!.AsArray().Select(u => (string)u!).ToList();
        Assert.Equal([TestUser.Kari.Id, TestUser.Ola.Id, TestUser.Per.Id], userIds);
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task The_decision_says_why_and_leaves_the_words_to_the_caller()
    {
        var authorization = Harness.App.Get<EditAuthorization>();
        var plivo = await Harness.MeasureAsync(Plan, Plivo);
        static BotUser User(TestUser u) => new(u.Id, u.AadObjectId, u.Name);
        Assert.Equal(EditDecision.Allowed, await authorization.DecideAsync(User(TestUser.Kari), plivo, CancellationToken.None)); // no roles: development

        await Harness.GrantAsync(TestUser.Ola, "coordinator", planIds: "22-juli");
        await Harness.GrantAsync(TestUser.Per, "coordinator", planIds: Plan);

        Assert.Equal(EditDecision.NoRole, await authorization.DecideAsync(User(TestUser.Kari), plivo, CancellationToken.None));
        Assert.Equal(EditDecision.NotResponsible, await authorization.DecideAsync(User(TestUser.Ola), plivo, CancellationToken.None));
        Assert.Equal(EditDecision.Allowed, await authorization.DecideAsync(User(TestUser.Per), plivo, CancellationToken.None));
    }

    private static JsonObject Data(string measureId) => new() { ["planId"] = Plan, ["measureId"] = measureId };
}
