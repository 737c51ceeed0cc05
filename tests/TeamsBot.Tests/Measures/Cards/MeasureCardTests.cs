using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Measures.Cards;

public class MeasureCardTests
{
    private static readonly MeasureView Bokmal = new(UserLanguage.Bokmal, CardData.Today);
    private static readonly MeasureView English = new(UserLanguage.English, CardData.Today);

    private static string Build(string measureId, MeasureView view, Func<Measure, Measure>? edit = null)
    {
        var measure = CardData.Measure(measureId);
        if (edit is not null) measure = edit(measure);
        return MeasureCard.Build(measure, CardData.Plan(measure.PlanId), view).ToJson();
    }

    [Fact]
    public async Task Cards_of_every_real_measure_are_valid_in_both_languages()
    {
        var cards = CardData.Measures
            .SelectMany(m => new[] { Bokmal, English with { CanEdit = false } }
                .Select(v => MeasureCard.Build(m, CardData.Plan(m.PlanId), v).ToJson()))
            .ToArray();

        await CardValidator.AssertValidAsync(cards);
        Assert.All(cards, json => Assert.True(json.Length < 28 * 1024, $"{json.Length} bytes"));
    }

    [Fact]
    public void The_card_is_version_1_5_full_width_in_the_users_language()
    {
        var card = CardData.Json(Build("25-juni-22", Bokmal));

        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Equal("Full", card.GetProperty("msteams").GetProperty("width").GetString());
        Assert.Contains("Oppdater status", card.GetRawText());
        Assert.Contains("Update status", Build("25-juni-22", English));
    }

    [Fact]
    public void A_passed_deadline_is_marked_unless_the_measure_is_implemented()
    {
        // 25-juni-10: "høsten 2023", read as 30 November 2023, under planning.
        var overdue = Build("25-juni-10", Bokmal);
        var implemented = Build("25-juni-10", Bokmal, m => m with { Status = MeasureStatus.Implemented });
        var notYet = Build("25-juni-10", Bokmal with { Today = new DateOnly(2023, 11, 30) });

        Assert.Contains("⚠ Fristen er passert", overdue);
        Assert.Contains("\"color\":\"attention\"", overdue);
        Assert.DoesNotContain("Fristen er passert", implemented);
        Assert.DoesNotContain("Fristen er passert", notYet);
        Assert.Contains("30\\\\. november 2023 (i planen: «høsten 2023»)", overdue);
        Assert.Contains("✓ Iverksatt", implemented);
        Assert.Contains("\"color\":\"good\"", implemented);
    }

    [Fact]
    public void English_cards_have_english_labels_and_dates()
    {
        var json = Build("25-juni-10", English);

        Assert.Contains("⚠ Deadline passed", json);
        Assert.Contains("◔ Planned", json);
        Assert.Contains("30 November 2023 (in the plan: \\u0022høsten 2023\\u0022)", json);
        Assert.Contains("\"Owners\"", json);
        Assert.Contains("\"Update status\"", json);
        Assert.Contains("\"History\"", json);
        Assert.DoesNotContain("Frist", json.Replace("\"Frist", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MeasureStatus.Implemented, "good", "✓")]
    [InlineData(MeasureStatus.InProgress, "accent", "◑")]
    [InlineData(MeasureStatus.UnderPlanning, "warning", "◔")]
    public void Each_status_has_a_color_and_a_symbol(MeasureStatus status, string color, string symbol)
    {
        var marker = StatusMarker.For(status, UserLanguage.Bokmal);
        var json = Build("25-juni-01", Bokmal, m => m with { Status = status });

        Assert.Equal(symbol, marker.Symbol);
        Assert.Contains($"\"text\":\"{marker.Text}\",\"wrap\":true,\"size\":\"medium\",\"weight\":\"bolder\",\"color\":\"{color}\"", json);
    }

    [Fact]
    public void Recommended_has_the_default_color_and_an_open_circle()
    {
        var json = Build("faglige-rad-2025-01", Bokmal);

        Assert.Contains("\"text\":\"○ Anbefalt\"", json);
    }

    [Fact]
    public void Actions_edit_and_history_carry_plan_and_measure_ids()
    {
        var card = CardData.Json(Build("25-juni-22", Bokmal));
        var actions = card.GetProperty("actions").EnumerateArray().ToList();

        Assert.Equal(["Oppdater status", "Historikk"], actions.Select(a => a.GetProperty("title").GetString()));
        Assert.All(actions, a => Assert.Equal("Action.Execute", a.GetProperty("type").GetString()));
        Assert.Equal(["measure.edit", "measure.history"], actions.Select(a => a.GetProperty("verb").GetString()));
        Assert.All(actions, a => Assert.Equal("""{"planId":"25-juni","measureId":"25-juni-22"}""", a.GetProperty("data").GetRawText()));
    }

    [Fact]
    public void Without_edit_rights_only_history_is_offered()
    {
        var card = CardData.Json(Build("25-juni-22", Bokmal with { CanEdit = false }));

        Assert.Equal(["measure.history"], card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("verb").GetString()));
    }

    [Fact]
    public void A_refresh_given_by_the_caller_is_put_on_the_card()
    {
        var measure = CardData.Measure("25-juni-22");
        var refresh = new AdaptiveRefresh(new AdaptiveExecuteAction { Verb = "measure.refresh" }, ["29:abc"]);

        var card = CardData.Json(MeasureCard.Build(measure, CardData.Plan("25-juni"), Bokmal, refresh).ToJson());

        Assert.Equal("measure.refresh", card.GetProperty("refresh").GetProperty("action").GetProperty("verb").GetString());
        Assert.False(CardData.Json(Build("25-juni-22", Bokmal)).TryGetProperty("refresh", out _));
    }

    [Fact]
    public void Plan_text_is_escaped_so_markdown_and_numbered_lists_stay_literal()
    {
        var json = Build("25-juni-22", Bokmal, m => m with
        {
            Title = "*Viktig* [x](y)",
            Remark = "1. september 2023 ble _alt_ levert",
            Owners = ["PST <b>"],
        });

        Assert.Contains("\"text\":\"\\\\*Viktig\\\\* \\\\[x\\\\](y)\"", json);
        Assert.Contains("1\\\\. september 2023 ble \\\\_alt\\\\_ levert", json);
        Assert.Contains("PST \\\\\\u003Cb\\u003E", json);
    }

    [Fact]
    public void Long_remarks_are_shown_in_full()
    {
        var measure = CardData.Longest(1)[0];
        var json = MeasureCard.Build(measure, CardData.Plan(measure.PlanId), Bokmal).ToJson();
        var texts = CardData.Json(json).GetProperty("body").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "TextBlock")
            .Select(e => e.GetProperty("text").GetString()).ToList();

        Assert.Contains(AdaptiveText.EscapeMarkdown(measure.Remark.Trim()), texts);
        Assert.DoesNotContain(texts, t => t!.Length > 0 && json.Contains("\"maxLines\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_last_update_is_shown_in_oslo_time_from_the_measure_or_the_history_line()
    {
        var fromMeasure = Build("25-juni-22", Bokmal, m => m with
        {
            UpdatedAt = new DateTimeOffset(2026, 11, 22, 13, 5, 0, TimeSpan.Zero),
            UpdatedBy = "Kari Nordmann",
        });
        var change = new HistoryEntry("25-juni", "25-juni-22", new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.Zero),
            "Ola Nordmann", "card", [new FieldChange("status", "InProgress", "Implemented")], null);
        var fromHistory = Build("25-juni-22", English with { LastChange = change });
        var imported = Build("25-juni-22", Bokmal, m => m with
        {
            UpdatedAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
            UpdatedBy = "import",
        });

        Assert.Contains("Sist oppdatert 22.11.2026 kl. 14:05 av Kari Nordmann", fromMeasure);
        Assert.Contains("Last updated 1 July 2026, 10:30 by Ola Nordmann", fromHistory);
        Assert.Contains("Sist oppdatert 05.01.2026 kl. 10:00 fra planfilen", imported);
        Assert.DoesNotContain("Sist oppdatert", Build("25-juni-22", Bokmal));
    }

    [Fact]
    public void The_plan_area_and_owners_are_facts()
    {
        var card = CardData.Json(Build("25-juni-10", Bokmal));
        var facts = card.GetProperty("body").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "FactSet")
            .GetProperty("facts").EnumerateArray()
            .ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString()!);

        Assert.Equal(["Plan", "Område", "Ansvarlig", "Frist"], facts.Keys);
        Assert.Equal(AdaptiveText.EscapeMarkdown(CardData.Plan("25-juni").Title), facts["Plan"]);
        Assert.Equal("PST, POD", facts["Ansvarlig"]);
    }

    [Fact]
    public async Task Renders_readably()
    {
        var overdue = MeasureCard.Build(CardData.Measure("25-juni-10"), CardData.Plan("25-juni"), Bokmal with
        {
            LastChange = new HistoryEntry("25-juni", "25-juni-10", new DateTimeOffset(2026, 11, 20, 13, 5, 0, TimeSpan.Zero),
                "Kari Nordmann", "card", [], null),
        });
        var english = MeasureCard.Build(CardData.Measure("22-juli-01"), CardData.Plan("22-juli"), English);

        var shots = await CardRenderer.RenderAsync(new Dictionary<string, string>
        {
            ["answers-measure-nb"] = overdue.ToJson(),
            ["answers-measure-en"] = english.ToJson(),
        });

        Assert.All(shots, s => Assert.Empty(s.Errors));
        Assert.Contains("Fristen er passert", shots.Single(s => s.Name == "answers-measure-nb").Text);
    }
}
