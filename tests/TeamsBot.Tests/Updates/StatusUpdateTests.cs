using System.Globalization;
using System.Text.Json.Nodes;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Updates;

namespace TeamsBot.Tests.Updates;

/// <summary>The form through /api/messages (Action.Execute invokes): open, save, validation on the form, no-op saves.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatusUpdateTests(AzuriteFixture azurite) : UpdateTestsBase(azurite)
{
    [Fact]
    public async Task The_form_is_prefilled_offers_the_plans_statuses_in_its_language_and_carries_its_origin()
    {
        var measure = await Harness.MeasureAsync(Plan, Plivo);

        var form = await Harness.OpenFormAsync(Plan, Plivo);

        Assert.Equal("1.5", (string?)form["version"]);
        var status = UpdateHarness.Input(form, FormInputs.Status);
        Assert.Equal("InProgress", (string?)status["value"]);
        Assert.Equal(["Under planlegging", "Pågående", "Iverksatt"], status["choices"]!.AsArray().Select(c => (string)c!["title"]!));
        var remark = UpdateHarness.Input(form, FormInputs.Remark);
        Assert.Equal(measure.Remark, (string?)remark["value"]);
        Assert.Equal(4000, (int)remark["maxLength"]!);
        Assert.True((bool)remark["isMultiline"]!);
        Assert.Equal("Input.Date", (string?)UpdateHarness.Input(form, FormInputs.Deadline)["type"]);
        Assert.Equal("2023-06-08", (string?)UpdateHarness.Input(form, FormInputs.Deadline)["min"]);

        var save = UpdateHarness.SaveAction(form);
        Assert.Equal("Action.Execute", (string?)save["type"]);
        var data = save["data"]!.AsObject();
        Assert.Equal((Plan, Plivo, measure.Version), ((string?)data["planId"], (string?)data["measureId"], (string?)data["version"]));
        Assert.True(Guid.TryParse((string?)data["formId"], out _));
        var fallback = save["fallback"]!.AsObject();
        Assert.Equal(("Action.Submit", "measure.update"), ((string?)fallback["type"], (string?)fallback["data"]!["verb"]));
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task English_plans_offer_English_status_labels_and_recommendation_plans_offer_recommended()
    {
        var english = await Harness.OpenFormAsync("22-juli", "22-juli-05", locale: "en-US");
        Assert.Equal(["Planned", "In progress", "Implemented"],
            UpdateHarness.Input(english, FormInputs.Status)["choices"]!.AsArray().Select(c => (string)c!["title"]!));
        Assert.Contains("Update status", UpdateHarness.Text(english));

        var advice = await Harness.OpenFormAsync("faglige-rad-2025", (await FirstMeasureOf("faglige-rad-2025")).Id);
        Assert.Equal(["Anbefalt", "Under planlegging", "Pågående", "Iverksatt"],
            UpdateHarness.Input(advice, FormInputs.Status)["choices"]!.AsArray().Select(c => (string)c!["title"]!));
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task Saving_changes_the_measure_writes_one_history_row_and_replaces_the_form_with_the_measure_card()
    {
        var before = await Harness.MeasureAsync(Plan, Plivo);
        var historyBefore = (await Harness.HistoryAsync(Plan, Plivo)).Count;
        var form = await Harness.OpenFormAsync(Plan, Plivo);

        var response = await Harness.SaveAsync(form, status: "Implemented", remark: "Revisjonen er ferdig og prosedyren er innført.",
            deadline: "2027-03-01", comment: "Godkjent i ledermøtet");

        Assert.Equal((200, "application/vnd.microsoft.card.adaptive"), ((int)response["statusCode"]!, (string?)response["type"]));
        var card = response["value"]!.AsObject();
        var text = UpdateHarness.Text(card);
        Assert.Contains("Iverksatt", text);
        Assert.Contains("Revisjonen er ferdig og prosedyren er innført.", text);
        Assert.Contains("Kari Nordmann", text);
        Assert.Equal("measure.refresh", (string?)card["refresh"]!["action"]!["verb"]);
        Assert.Equal(Plivo, (string?)card["refresh"]!["action"]!["data"]!["measureId"]);

        var after = await Harness.MeasureAsync(Plan, Plivo);
        Assert.Equal(MeasureStatus.Implemented, after.Status);
        Assert.Equal("Revisjonen er ferdig og prosedyren er innført.", after.Remark);
        Assert.Equal(new DateOnly(2027, 3, 1), after.Deadline);
        Assert.Equal("Kari Nordmann", after.UpdatedBy);
        Assert.NotEqual(before.Version, after.Version);

        var history = await Harness.HistoryAsync(Plan, Plivo);
        Assert.Equal(historyBefore + 1, history.Count);
        var row = history[0];
        Assert.Equal(("card", "Kari Nordmann", "Godkjent i ledermøtet"), (row.Source, row.By, row.Comment));
        Assert.Contains(new FieldChange("status", "InProgress", "Implemented"), row.Changes);
        Assert.Contains(new FieldChange("remark", before.Remark, "Revisjonen er ferdig og prosedyren er innført."), row.Changes);
        Assert.Contains(new FieldChange("deadline", before.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "2027-03-01"), row.Changes);
        // The plan's words for the old deadline ("2023") no longer describe the new date.
        Assert.Contains(new FieldChange("deadlineText", before.DeadlineText, null), row.Changes);
        Assert.Equal(4, row.Changes.Count);

        // What chat answers from: this instance's index has the new state at once.
        var indexed = Harness.Index.Current.Find(Plan, Plivo)!;
        Assert.Equal((MeasureStatus.Implemented, after.Version), (indexed.Status, indexed.Version));
        await Harness.AssertAllCardsValidAsync();
    }

    public static TheoryData<string, string?, string?, string?, string> Invalid => new()
    {
        { "unknown status", "Avlyst", null, null, "«Avlyst» er ikke en status i denne planen" },
        { "missing status", "", null, null, "Status mangler" },
        { "status as OR-ed enum names", "UnderPlanning,InProgress", null, null, "«UnderPlanning,InProgress» er ikke en status" },
        { "status as a number", "3", null, null, "«3» er ikke en status" },
        { "unparsable date", null, null, "neste fredag", "Jeg forstår ikke datoen «neste fredag»" },
        { "impossible date", null, null, "2024-02-30", "Jeg forstår ikke datoen «2024-02-30»" },
        { "date before the plan", null, null, "2023-06-07", "Fristen kan ikke være før planen startet (8. juni 2023)." },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_invalid_form_comes_back_with_the_error_and_the_users_input_and_nothing_is_written(
        string _, string? status, string? remark, string? deadline, string expected)
    {
        var before = await Harness.MeasureAsync(Plan, Plivo);
        var historyBefore = (await Harness.HistoryAsync(Plan, Plivo)).Count;
        var form = await Harness.OpenFormAsync(Plan, Plivo);
        var typedRemark = remark ?? "Ny merknad som ikke skal gå tapt";

        var response = await Harness.SaveAsync(form, status: status, remark: typedRemark, deadline: deadline, comment: "min kommentar");

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response["type"]);
        var again = response["value"]!.AsObject();
        var text = UpdateHarness.Text(again);
        Assert.Contains("Endringen er ikke lagret", text);
        Assert.Contains(expected, text);
        Assert.Equal(typedRemark, UpdateHarness.InputValue(again, FormInputs.Remark));
        Assert.Equal("min kommentar", UpdateHarness.InputValue(again, FormInputs.Comment));
        Assert.Equal((string?)UpdateHarness.SaveAction(form)["data"]!["formId"], (string?)UpdateHarness.SaveAction(again)["data"]!["formId"]);

        Assert.Equal(before.Version, (await Harness.MeasureAsync(Plan, Plivo)).Version);
        Assert.Equal(historyBefore, (await Harness.HistoryAsync(Plan, Plivo)).Count);
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task Several_errors_are_listed_together()
    {
        var form = await Harness.OpenFormAsync(Plan, Plivo);
        var response = await Harness.SaveAsync(form, status: "", remark: new string('y', 4500), deadline: "i morgen");
        var text = UpdateHarness.Text(response["value"]!.AsObject());
        Assert.Contains("Status mangler", text);
        Assert.Contains("4500 tegn", text);
        Assert.Contains("«i morgen»", text);
    }

    [Fact]
    public async Task Saving_the_same_values_says_so_and_writes_nothing()
    {
        var before = await Harness.MeasureAsync(Plan, Plivo);
        var historyBefore = (await Harness.HistoryAsync(Plan, Plivo)).Count;
        var form = await Harness.OpenFormAsync(Plan, Plivo);

        // A client that sends Windows line endings has not changed the remark.
        var response = await Harness.SaveAsync(form, remark: before.Remark.Replace("\n", "\r\n") + "  ", comment: "Bare en kommentar");

        var text = UpdateHarness.Text(response["value"]!.AsObject());
        Assert.Contains("Du har ikke endret noe, så ingenting er lagret.", text);
        Assert.Contains("En kommentar lagres bare sammen med en endring", text);
        Assert.Equal(before.Version, (await Harness.MeasureAsync(Plan, Plivo)).Version);
        Assert.Equal(historyBefore, (await Harness.HistoryAsync(Plan, Plivo)).Count);
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task Hostile_text_is_stored_literally_and_shown_literally()
    {
        const string remark = "**fet** _kursiv_ [lenke](https://evil.example) {{DATE(2024-01-01T00:00:00Z)}}\n# Overskrift\n- punkt\n1. liste\n\"},{\"type\":\"Action.OpenUrl\"}]</script><at>Alle</at> \\u0000 & æøå 🚓";
        const string comment = "\"}]} ' OR 1=1 -- {{TIME(x)}}";
        var form = await Harness.OpenFormAsync(Plan, Plivo);

        var response = await Harness.SaveAsync(form, remark: remark, comment: comment);

        var stored = await Harness.MeasureAsync(Plan, Plivo);
        Assert.Equal(remark, stored.Remark);
        Assert.Equal(comment, (await Harness.HistoryAsync(Plan, Plivo))[0].Comment);
        var card = response["value"]!.AsObject();
        var remarkBlock = UpdateHarness.Descendants(card).Single(n => ((string?)n["text"])?.Contains("fet", StringComparison.Ordinal) == true);
        Assert.Equal(Cards.AdaptiveText.EscapeMarkdown(remark), (string?)remarkBlock["text"]);
        Assert.Contains("{\\{DATE", (string?)remarkBlock["text"]);
        Assert.DoesNotContain(UpdateHarness.Descendants(card), n => (string?)n["type"] == "Action.OpenUrl");

        // Reopened, the form shows the text as typed (input values are not markdown).
        var reopened = await Harness.OpenFormAsync(Plan, Plivo);
        Assert.Equal(remark, UpdateHarness.InputValue(reopened, FormInputs.Remark));
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task Refresh_returns_the_current_card_and_cancel_on_the_form_does_the_same()
    {
        var form = await Harness.OpenFormAsync(Plan, Plivo);
        var cancel = form["actions"]!.AsArray().OfType<JsonObject>().Single(a => (string?)a["verb"] == CardVerbs.RefreshMeasure);
        Assert.Equal("none", (string?)cancel["associatedInputs"]);

        var response = await Harness.ExecuteAsync(CardVerbs.RefreshMeasure, cancel["data"]!.AsObject().DeepClone().AsObject(), trigger: "automatic");

        var card = response["value"]!.AsObject();
        Assert.Contains("Revisjon av PLIVO-prosedyren", UpdateHarness.Text(card));
        Assert.Null(card["refresh"]!["userIds"]); // personal chat: the one member refreshes without a list
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task A_form_without_its_hidden_data_is_rejected_as_a_bad_request()
    {
        var response = await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, new JsonObject { ["planId"] = Plan, ["measureId"] = Plivo, ["status"] = "Implemented" });
        Assert.Equal((400, "application/vnd.microsoft.error"), ((int)response["statusCode"]!, (string?)response["type"]));
        Assert.Equal(MeasureStatus.InProgress, (await Harness.MeasureAsync(Plan, Plivo)).Status);
    }

    [Fact]
    public async Task An_unknown_measure_is_answered_with_a_message()
    {
        var response = await Harness.ExecuteAsync(CardVerbs.EditMeasure, new JsonObject { ["planId"] = Plan, ["measureId"] = "25-juni-99" });
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)response["type"]);
        Assert.Contains("Fant ikke tiltaket", (string?)response["value"]);
    }

    private async Task<Measure> FirstMeasureOf(string planId) =>
        await Harness.Store.GetMeasuresAsync(null, CancellationToken.None, planId).OrderBy(m => m.Order).FirstAsync();
}
