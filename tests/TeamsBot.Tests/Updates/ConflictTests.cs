using System.Text.Json.Nodes;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Updates;

namespace TeamsBot.Tests.Updates;

/// <summary>Stale forms, applying on top, the same form twice, and races: no update lost, none applied twice.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConflictTests(AzuriteFixture azurite) : UpdateTestsBase(azurite)
{
    private const string Nim = "25-juni-29";

    [Fact]
    public async Task A_stale_form_gets_a_conflict_card_saying_what_changed_and_by_whom_and_nothing_is_written()
    {
        var karisForm = await Harness.OpenFormAsync(Plan, Nim, TestUser.Kari);
        var olasForm = await Harness.OpenFormAsync(Plan, Nim, TestUser.Ola);
        await Harness.SaveAsync(olasForm, TestUser.Ola, status: "Implemented", comment: "NIM har levert");
        var afterOla = await Harness.MeasureAsync(Plan, Nim);
        var historyAfterOla = (await Harness.HistoryAsync(Plan, Nim)).Count;

        var response = await Harness.SaveAsync(karisForm, TestUser.Kari, remark: "Karis nye merknad", deadline: "2027-01-15");

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response["type"]);
        var conflict = response["value"]!.AsObject();
        var text = UpdateHarness.Text(conflict);
        Assert.Contains("Noen andre har endret tiltaket", text);
        Assert.Contains("Ola Nordmann", text);
        Assert.Contains("Status: pågående → iverksatt", text);
        Assert.Contains("NIM har levert", text);
        // Kari's edits are kept; the status she never touched shows Ola's new value.
        Assert.Equal("Karis nye merknad", UpdateHarness.InputValue(conflict, FormInputs.Remark));
        Assert.Equal("2027-01-15", UpdateHarness.InputValue(conflict, FormInputs.Deadline));
        Assert.Equal("Implemented", UpdateHarness.InputValue(conflict, FormInputs.Status));
        var apply = UpdateHarness.SaveAction(conflict);
        Assert.Equal("Bruk mine endringer likevel", (string?)apply["title"]);
        Assert.Equal(afterOla.Version, (string?)apply["data"]!["version"]);

        var stored = await Harness.MeasureAsync(Plan, Nim);
        Assert.Equal((afterOla.Version, afterOla.Remark), (stored.Version, stored.Remark));
        Assert.Equal(historyAfterOla, (await Harness.HistoryAsync(Plan, Nim)).Count);
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task Applying_on_top_keeps_both_changes_and_writes_one_more_history_row()
    {
        var karisForm = await Harness.OpenFormAsync(Plan, Nim, TestUser.Kari);
        var olasForm = await Harness.OpenFormAsync(Plan, Nim, TestUser.Ola);
        await Harness.SaveAsync(olasForm, TestUser.Ola, status: "Implemented");
        var conflict = (await Harness.SaveAsync(karisForm, TestUser.Kari, remark: "Karis nye merknad"))["value"]!.AsObject();

        var response = await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, UpdateHarness.Fill(conflict), TestUser.Kari);

        Assert.DoesNotContain("Noen andre har endret", UpdateHarness.Text(response["value"]!.AsObject()));
        var stored = await Harness.MeasureAsync(Plan, Nim);
        Assert.Equal((MeasureStatus.Implemented, "Karis nye merknad"), (stored.Status, stored.Remark));
        var history = await Harness.HistoryAsync(Plan, Nim);
        Assert.Equal(("Kari Nordmann", "remark"), (history[0].By, history[0].Changes.Single().Field));
        Assert.Equal(("Ola Nordmann", "status"), (history[1].By, history[1].Changes.Single().Field));
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task When_both_changed_the_same_field_the_conflict_form_keeps_the_users_value_for_them_to_decide()
    {
        var karisForm = await Harness.OpenFormAsync(Plan, Nim, TestUser.Kari);
        var olasForm = await Harness.OpenFormAsync(Plan, Nim, TestUser.Ola);
        await Harness.SaveAsync(olasForm, TestUser.Ola, status: "Implemented");

        var conflict = (await Harness.SaveAsync(karisForm, TestUser.Kari, status: "UnderPlanning"))["value"]!.AsObject();

        Assert.Equal("UnderPlanning", UpdateHarness.InputValue(conflict, FormInputs.Status));
        Assert.Equal(MeasureStatus.Implemented, (await Harness.MeasureAsync(Plan, Nim)).Status);
    }

    [Fact]
    public async Task The_same_form_submitted_twice_is_saved_once_and_the_second_answer_is_the_current_card()
    {
        var historyBefore = (await Harness.HistoryAsync(Plan, Nim)).Count;
        var form = await Harness.OpenFormAsync(Plan, Nim);
        var submit = UpdateHarness.Fill(form, status: "Implemented", comment: "ferdig");

        var first = await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, submit.DeepClone().AsObject());
        var second = await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, submit.DeepClone().AsObject());

        Assert.DoesNotContain("allerede lagret", UpdateHarness.Text(first["value"]!.AsObject()));
        var secondCard = second["value"]!.AsObject();
        Assert.Contains("Dette skjemaet er allerede lagret", UpdateHarness.Text(secondCard));
        Assert.Contains("Iverksatt", UpdateHarness.Text(secondCard));
        Assert.Equal(historyBefore + 1, (await Harness.HistoryAsync(Plan, Nim)).Count);
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task The_same_form_submitted_many_times_at_once_is_saved_exactly_once_and_nobody_gets_a_conflict()
    {
        var historyBefore = (await Harness.HistoryAsync(Plan, Nim)).Count;
        var form = await Harness.OpenFormAsync(Plan, Nim);
        var submit = UpdateHarness.Fill(form, remark: "Samtidig innsending", comment: "dobbeltklikk");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Harness.ExecuteAsync(CardVerbs.UpdateMeasure, submit.DeepClone().AsObject())));

        Assert.All(responses, r => Assert.DoesNotContain("Noen andre har endret", UpdateHarness.Text(r["value"]!.AsObject())));
        Assert.All(responses, r => Assert.Contains("Samtidig innsending", UpdateHarness.Text(r["value"]!.AsObject())));
        var history = await Harness.HistoryAsync(Plan, Nim);
        Assert.Equal(historyBefore + 1, history.Count);
        Assert.Equal("dobbeltklikk", history[0].Comment);
    }

    [Fact]
    public async Task Different_forms_from_the_same_version_submitted_at_once_exactly_one_wins_the_others_get_conflicts()
    {
        var historyBefore = (await Harness.HistoryAsync(Plan, Nim)).Count;
        var users = new[] { TestUser.Kari, TestUser.Ola, TestUser.Per };
        var forms = new List<(TestUser User, JsonObject Submit, string Remark)>();
        for (var i = 0; i < 9; i++)
        {
            var user = users[i % users.Length];
            var remark = $"Merknad nummer {i} fra {user.Name}";
            forms.Add((user, UpdateHarness.Fill(await Harness.OpenFormAsync(Plan, Nim, user), remark: remark), remark));
        }

        var responses = await Task.WhenAll(forms.Select(f => Harness.ExecuteAsync(CardVerbs.UpdateMeasure, f.Submit, f.User)));

        var texts = responses.Select(r => UpdateHarness.Text(r["value"]!.AsObject())).ToList();
        var conflicts = texts.Count(t => t.Contains("Noen andre har endret tiltaket", StringComparison.Ordinal));
        Assert.Equal(forms.Count - 1, conflicts);
        var winner = texts.FindIndex(t => !t.Contains("Noen andre har endret tiltaket", StringComparison.Ordinal));
        Assert.Equal(forms[winner].Remark, (await Harness.MeasureAsync(Plan, Nim)).Remark);
        var history = await Harness.HistoryAsync(Plan, Nim);
        Assert.Equal(historyBefore + 1, history.Count);
        Assert.Equal(forms[winner].User.Name, history[0].By);
        // Each loser's conflict card names the winner and keeps the loser's own text.
        for (var i = 0; i < forms.Count; i++)
        {
            if (i == winner) continue;
            Assert.Contains(forms[winner].User.Name, texts[i]);
            Assert.Equal(forms[i].Remark, UpdateHarness.InputValue(responses[i]["value"]!.AsObject(), FormInputs.Remark));
        }
        await Harness.AssertAllCardsValidAsync();
    }
}
