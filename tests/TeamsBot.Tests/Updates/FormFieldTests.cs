using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Updates;

namespace TeamsBot.Tests.Updates;

/// <summary>
/// A form changes only what the user changed: fields a submit does not carry stay as they are, fields of the wrong JSON
/// type, implausible deadlines and over-long text are refused on the form with nothing written, and a refusal never
/// carries a huge value back. Through /api/messages on Azurite, as Teams sends it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FormFieldTests(AzuriteFixture azurite) : UpdateTestsBase(azurite)
{
    private const int TeamsMessageBudget = 80 * 1024;

    private sealed record Stored(Measure Measure, IReadOnlyList<HistoryEntry> History);

    private async Task<Stored> StoredAsync() => new(await Harness.MeasureAsync(Plan, Plivo), await Harness.HistoryAsync(Plan, Plivo));

    private async Task AssertUnchangedAsync(Stored before)
    {
        var now = await StoredAsync();
        Assert.Equal(
            (before.Measure.Version, before.Measure.Status, before.Measure.Remark, before.Measure.Deadline, before.Measure.DeadlineText),
            (now.Measure.Version, now.Measure.Status, now.Measure.Remark, now.Measure.Deadline, now.Measure.DeadlineText));
        Assert.Equal(before.History.Count, now.History.Count);
    }

    /// <summary>The form's save data with the inputs as the form showed them, then edited as a (possibly hostile) client would.</summary>
    private async Task<JsonObject> FormDataAsync(Action<JsonObject> edit)
    {
        var data = UpdateHarness.Fill(await Harness.OpenFormAsync(Plan, Plivo));
        edit(data);
        return data;
    }

    private static JsonObject CardOf(JsonObject response)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response["type"]);
        return response["value"]!.AsObject();
    }

    [Fact]
    public async Task A_submit_without_remark_and_deadline_changes_the_status_and_leaves_both_as_they_were()
    {
        var before = await StoredAsync();
        Assert.NotEqual("", before.Measure.Remark);
        Assert.NotNull(before.Measure.Deadline);
        var data = await FormDataAsync(d =>
        {
            d[FormInputs.Status] = "Implemented";
            d.Remove(FormInputs.Remark);
            d.Remove(FormInputs.Deadline);
            d.Remove(FormInputs.Comment);
        });

        await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, data);

        var after = await Harness.MeasureAsync(Plan, Plivo);
        Assert.Equal(MeasureStatus.Implemented, after.Status);
        Assert.Equal((before.Measure.Remark, before.Measure.Deadline, before.Measure.DeadlineText), (after.Remark, after.Deadline, after.DeadlineText));
        var change = Assert.Single((await Harness.HistoryAsync(Plan, Plivo))[0].Changes);
        Assert.Equal(new FieldChange("status", "InProgress", "Implemented"), change);
    }

    [Fact]
    public async Task A_submit_without_a_status_keeps_the_status_and_saves_the_new_remark()
    {
        var before = await StoredAsync();
        var data = await FormDataAsync(d =>
        {
            d.Remove(FormInputs.Status);
            d[FormInputs.Remark] = "Bare merknaden er ny.";
        });

        await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, data);

        var after = await Harness.MeasureAsync(Plan, Plivo);
        Assert.Equal((before.Measure.Status, "Bare merknaden er ny.", before.Measure.Deadline), (after.Status, after.Remark, after.Deadline));
        Assert.Equal(["remark"], (await Harness.HistoryAsync(Plan, Plivo))[0].Changes.Select(c => c.Field));
    }

    [Fact]
    public async Task An_emptied_remark_and_deadline_clear_them_because_empty_is_what_the_user_left()
    {
        var before = await StoredAsync();
        var data = await FormDataAsync(d =>
        {
            d[FormInputs.Remark] = "";
            d[FormInputs.Deadline] = "";
        });

        await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, data);

        var after = await Harness.MeasureAsync(Plan, Plivo);
        Assert.Equal(("", null, null), (after.Remark, after.Deadline, after.DeadlineText));
        var changes = (await Harness.HistoryAsync(Plan, Plivo))[0].Changes;
        Assert.Contains(new FieldChange("remark", before.Measure.Remark, ""), changes);
        Assert.Contains(new FieldChange("deadline", before.Measure.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null), changes);
    }

    [Fact]
    public async Task The_submit_fallback_without_remark_and_deadline_leaves_them_as_they_were_too()
    {
        var before = await StoredAsync();
        var value = await FormDataAsync(d =>
        {
            d["verb"] = CardVerbs.UpdateMeasure;
            d[FormInputs.Status] = "Implemented";
            d.Remove(FormInputs.Remark);
            d.Remove(FormInputs.Deadline);
        });

        await Harness.SubmitAsync(value, "form-card-1");

        await WaitUntilAsync(async () => (await Harness.MeasureAsync(Plan, Plivo)).Status == MeasureStatus.Implemented);
        var after = await Harness.MeasureAsync(Plan, Plivo);
        Assert.Equal((before.Measure.Remark, before.Measure.Deadline), (after.Remark, after.Deadline));
    }

    [Fact]
    public async Task A_stale_submit_without_a_remark_cannot_undo_a_colleagues_remark()
    {
        var karisData = await FormDataAsync(d =>
        {
            d[FormInputs.Status] = "Implemented";
            d.Remove(FormInputs.Remark);
        });
        await Harness.SaveAsync(await Harness.OpenFormAsync(Plan, Plivo, TestUser.Ola), TestUser.Ola, remark: "Olas merknad");

        var conflict = CardOf(await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, karisData));
        Assert.Equal("Olas merknad", UpdateHarness.InputValue(conflict, FormInputs.Remark));
        await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, UpdateHarness.Fill(conflict));

        var after = await Harness.MeasureAsync(Plan, Plivo);
        Assert.Equal((MeasureStatus.Implemented, "Olas merknad"), (after.Status, after.Remark));
        Assert.Equal(["status"], (await Harness.HistoryAsync(Plan, Plivo))[0].Changes.Select(c => c.Field));
    }

    public static TheoryData<string, string, string> WrongTypes => new()
    {
        { FormInputs.Remark, "42", "Merknad" },
        { FormInputs.Remark, """{"text":"ny merknad"}""", "Merknad" },
        { FormInputs.Remark, """["ny", "merknad"]""", "Merknad" },
        { FormInputs.Deadline, "true", "Frist" },
        { FormInputs.Deadline, "20270301", "Frist" },
        { FormInputs.Status, "3", "Status" },
        { FormInputs.Comment, "{}", "Kommentar" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task A_field_of_the_wrong_JSON_type_is_refused_on_the_form_naming_the_field_and_nothing_is_written(
        string field, string json, string label)
    {
        var before = await StoredAsync();
        var data = await FormDataAsync(d =>
        {
            d[FormInputs.Status] = "Implemented"; // a real change beside it, so only the type can stop the save
            d[field] = JsonNode.Parse(json);
        });

        var form = CardOf(await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, data));

        var text = UpdateHarness.Text(form);
        Assert.Contains("Endringen er ikke lagret", text);
        Assert.Contains($"Feltet «{label}» kom i et format jeg ikke kan lese (ikke tekst).", text);
        await AssertUnchangedAsync(before);
        // The field comes back as stored, so saving the form again cannot erase it.
        if (field == FormInputs.Remark) Assert.Equal(before.Measure.Remark, UpdateHarness.InputValue(form, field));
        if (field == FormInputs.Deadline) Assert.Equal(before.Measure.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), UpdateHarness.InputValue(form, field));
        await Harness.AssertAllCardsValidAsync();
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("1999-12-31")]
    [InlineData("01.01.0001")]
    public async Task A_deadline_outside_2000_to_2100_is_refused_with_the_range_and_nothing_is_written(string deadline)
    {
        var before = await StoredAsync();
        var data = await FormDataAsync(d => d[FormInputs.Deadline] = deadline);

        var form = CardOf(await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, data));

        Assert.Contains("Fristen må være en dato mellom 1. januar 2000 og 31. desember 2100.", UpdateHarness.Text(form));
        Assert.Equal(before.Measure.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), UpdateHarness.InputValue(form, FormInputs.Deadline));
        Assert.Equal("2100-12-31", (string?)UpdateHarness.Input(form, FormInputs.Deadline)["max"]);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task The_last_day_of_2100_is_a_deadline_that_saves()
    {
        var data = await FormDataAsync(d => d[FormInputs.Deadline] = "2100-12-31");
        await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, data);
        Assert.Equal(new DateOnly(2100, 12, 31), (await Harness.MeasureAsync(Plan, Plivo)).Deadline);
    }

    [Fact]
    public async Task A_remark_of_exactly_4000_characters_saves()
    {
        var remark = string.Concat(Enumerable.Repeat("Tiltaket går etter planen. ", 200))[..4000];
        var data = await FormDataAsync(d => d[FormInputs.Remark] = remark);

        await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, data);

        Assert.Equal(remark, (await Harness.MeasureAsync(Plan, Plivo)).Remark);
    }

    [Fact]
    public async Task A_remark_over_4000_characters_is_refused_stating_the_limit_and_comes_back_cut_to_it()
    {
        var before = await StoredAsync();
        var remark = new string('x', 4001);
        var data = await FormDataAsync(d =>
        {
            d[FormInputs.Remark] = remark;
            d[FormInputs.Comment] = "min kommentar";
        });

        var form = CardOf(await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, data));

        var text = UpdateHarness.Text(form);
        Assert.Contains("Merknaden er 4001 tegn lang; den kan ha høyst 4000 tegn.", text);
        Assert.Contains("Merknad: skjemaet under viser bare de første 4000 tegnene av det du skrev.", text);
        Assert.Equal(remark[..4000], UpdateHarness.InputValue(form, FormInputs.Remark));
        Assert.Equal("min kommentar", UpdateHarness.InputValue(form, FormInputs.Comment));
        await AssertUnchangedAsync(before);
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task A_hundred_kilobyte_remark_and_other_huge_fields_are_refused_with_short_quotes_and_a_small_reply()
    {
        var before = await StoredAsync();
        // An emoji straddles the remark's limit: the form must not carry half of it back.
        var remark = new string('x', UpdateLimits.RemarkMaxLength - 1) + "🚓" + new string('y', 100 * 1024 - UpdateLimits.RemarkMaxLength - 1);
        var data = await FormDataAsync(d =>
        {
            d[FormInputs.Status] = new string('s', 10_000);
            d[FormInputs.Remark] = remark;
            d[FormInputs.Deadline] = new string('9', 10_000);
            d[FormInputs.Comment] = new string('c', 20_000);
        });
        var activity = TeamsActivities.Execute(Harness.Connector.ServiceUrl, CardVerbs.UpdateMeasure, data);

        var response = await Harness.Http.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length <= TeamsMessageBudget, $"The reply is {body.Length:N0} bytes.");
        var form = CardOf(JsonNode.Parse(body)!.AsObject());
        Harness.Keep(form);
        var text = UpdateHarness.Text(form);
        Assert.Contains($"Merknaden er {remark.Length} tegn lang; den kan ha høyst 4000 tegn.", text);
        Assert.Contains("Kommentaren er 20000 tegn lang; den kan ha høyst 500 tegn.", text);
        Assert.Contains($"«{new string('s', 60)}…» er ikke en status", text);
        Assert.Contains($"Jeg forstår ikke datoen «{new string('9', 60)}…»", text);
        Assert.DoesNotContain(new string('s', 61), text);
        Assert.Equal(new string('x', UpdateLimits.RemarkMaxLength - 1), UpdateHarness.InputValue(form, FormInputs.Remark));
        Assert.Equal(new string('c', 500), UpdateHarness.InputValue(form, FormInputs.Comment));
        await AssertUnchangedAsync(before);
        await Harness.AssertAllCardsValidAsync();
    }

    [Fact]
    public async Task Through_the_submit_fallback_a_hundred_kilobyte_remark_also_comes_back_as_a_small_card()
    {
        var before = await StoredAsync();
        var value = await FormDataAsync(d =>
        {
            d["verb"] = CardVerbs.UpdateMeasure;
            d[FormInputs.Remark] = new string('r', 100 * 1024);
        });

        await Harness.SubmitAsync(value, "form-card-2");

        var put = await Harness.WaitForPutAsync("form-card-2");
        Assert.True(put.Body!.ToJsonString().Length <= TeamsMessageBudget, $"The update is {put.Body.ToJsonString().Length:N0} characters.");
        Assert.Contains("Merknaden er 102400 tegn lang", UpdateHarness.Text(UpdateHarness.CardsOf(put.Body).Single()));
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task A_form_left_open_through_thirty_long_changes_gets_a_conflict_card_that_lists_ten_and_stays_small()
    {
        var stale = await FormDataAsync(d => d[FormInputs.Status] = "Implemented");
        var measure = await Harness.MeasureAsync(Plan, Plivo);
        for (var i = 0; i < 30; i++)
        {
            var next = measure with { Remark = $"{i:D2} " + new string('m', UpdateLimits.RemarkMaxLength - 3), UpdatedAt = DateTimeOffset.UtcNow, UpdatedBy = "Ola" };
            measure = await Harness.Store.UpdateAsync(next, new HistoryEntry(Plan, Plivo, next.UpdatedAt, "Ola", "card",
                [new FieldChange("remark", measure.Remark, next.Remark)], new string('k', UpdateLimits.CommentMaxLength)), CancellationToken.None);
        }
        Harness.Index.Apply([measure]);

        var activity = TeamsActivities.Execute(Harness.Connector.ServiceUrl, CardVerbs.UpdateMeasure, stale);
        var response = await Harness.Http.PostAsync(activity);

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length <= TeamsMessageBudget, $"The reply is {body.Length:N0} bytes.");
        var text = UpdateHarness.Text(CardOf(JsonNode.Parse(body)!.AsObject()));
        Assert.Contains("Noen andre har endret tiltaket", text);
        Assert.Contains("«29 mmm", text);
        Assert.DoesNotContain("«18 mmm", text); // the tenth newest changed 19 to 20
        Assert.Contains("… og 20 eldre endringer siden du åpnet skjemaet (se historikken).", text);
    }

    public static TheoryData<string, string, string> BadHiddenData => new()
    {
        { "no version", """{"version":null}""", "hvilken versjon" },
        { "version as a number", """{"version":7}""", "hvilken versjon" },
        { "an absurdly long version", $$"""{"version":"{{new string('v', 300)}}"}""", "hvilken versjon" },
        { "no form id", """{"formId":null}""", "hvilken versjon" },
        { "a form id that is not a GUID", """{"formId":"skjema-1"}""", "hvilken versjon" },
        { "a form id as an object", """{"formId":{"id":"x"}}""", "hvilken versjon" },
        { "no seenAt", """{"seenAt":null}""", "hvilken versjon" },
        { "a plan id as a number", """{"planId":25}""", "hvilket tiltak" },
        { "no measure id", """{"measureId":null}""", "hvilket tiltak" },
    };

    [Theory]
    [MemberData(nameof(BadHiddenData))]
    public async Task Malformed_hidden_data_is_a_clear_message_and_nothing_is_written(string _, string patch, string expected)
    {
        var before = await StoredAsync();
        var data = await FormDataAsync(d =>
        {
            d[FormInputs.Status] = "Implemented";
            foreach (var (key, value) in JsonNode.Parse(patch)!.AsObject())
            {
                if (value is null) d.Remove(key);
                else d[key] = value.DeepClone();
            }
        });

        var response = await Harness.ExecuteAsync(CardVerbs.UpdateMeasure, data);

        Assert.Equal((400, "application/vnd.microsoft.error"), ((int)response["statusCode"]!, (string?)response["type"]));
        var message = (string?)response["value"]!["message"];
        Assert.Contains(expected, message);
        Assert.Contains("«Oppdater status» på nytt", message);
        await AssertUnchangedAsync(before);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The submit was not answered in time.");
            await Task.Delay(20);
        }
    }
}
