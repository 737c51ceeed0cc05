using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsBot.Chat.Answers;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Chat.Answers;

public class ListCardTests
{
    private static readonly ListView Bokmal = new(UserLanguage.Bokmal, CardData.Today);

    private static JsonElement Build(IReadOnlyList<Measure> measures, ListView view, string heading = "Tiltak i 25. juni") =>
        CardData.Json(MeasureListCard.Build(heading, measures, CardData.Plans, view).ToJson());

    private static List<JsonElement> Rows(JsonElement card) =>
        [.. card.GetProperty("body").EnumerateArray().Where(e => e.TryGetProperty("selectAction", out _))];

    [Fact]
    public void Ordering_puts_overdue_first_then_soonest_deadline_then_plan_order()
    {
        var today = CardData.Today;
        var measures = CardData.InPlan("25-juni");

        var ordered = MeasureOrdering.ForLists(measures, today);

        var overdue = ordered.TakeWhile(m => m.IsOverdue(today)).ToList();
        Assert.Equal(measures.Count(m => m.IsOverdue(today)), overdue.Count);
        Assert.Equal(overdue.OrderBy(m => m.Deadline).ThenBy(m => m.Order).Select(m => m.Id), overdue.Select(m => m.Id));
        var rest = ordered.Skip(overdue.Count).ToList();
        Assert.Equal(rest.OrderBy(m => m.Deadline is null).ThenBy(m => m.Deadline).ThenBy(m => m.Order).Select(m => m.Id), rest.Select(m => m.Id));
        Assert.Null(rest[^1].Deadline);
    }

    [Fact]
    public void The_first_page_says_how_many_and_offers_more_with_the_callers_data_and_the_next_page()
    {
        var measures = MeasureOrdering.ForLists(CardData.InPlan("25-juni"), CardData.Today);
        var card = Build(measures, Bokmal with { MoreData = new JsonObject { ["q"] = "tiltak 25. juni" } });

        Assert.Contains("Viser 1–8 av 30", card.GetRawText());
        Assert.Equal(8, Rows(card).Count);
        var more = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal("Vis flere", more.GetProperty("title").GetString());
        Assert.Equal("chat.more", more.GetProperty("verb").GetString());
        Assert.Equal("""{"q":"tiltak 25. juni","page":1}""", more.GetProperty("data").GetRawText());
    }

    [Fact]
    public void The_last_page_has_no_more_button()
    {
        var measures = CardData.InPlan("25-juni");
        var last = Build(measures, Bokmal with { Page = 3 });
        var exact = Build(measures.Take(8).ToList(), Bokmal);

        Assert.Contains("Viser 25–30 av 30", last.GetRawText());
        Assert.Equal(6, Rows(last).Count);
        Assert.False(last.TryGetProperty("actions", out _));
        Assert.Contains("Viser 1–8 av 8", exact.GetRawText());
        Assert.False(exact.TryGetProperty("actions", out _));
    }

    [Fact]
    public void English_lists_use_english_words()
    {
        var card = Build(CardData.InPlan("25-juni"), Bokmal with { Language = UserLanguage.English }).GetRawText();

        Assert.Contains("Showing 1–8 of 30", card);
        Assert.Contains("Show more", card);
        Assert.Contains("Open ›", card);
        Assert.DoesNotContain("Viser", card);
    }

    [Fact]
    public void Each_row_opens_its_measure_and_marks_a_passed_deadline()
    {
        var overdue = CardData.Measure("25-juni-10");
        var done = overdue with { Status = MeasureStatus.Implemented };
        var card = Build([overdue, done], Bokmal);
        var rows = Rows(card);

        Assert.All(rows, r =>
        {
            var action = r.GetProperty("selectAction");
            Assert.Equal("Action.Execute", action.GetProperty("type").GetString());
            Assert.Equal("measure.show", action.GetProperty("verb").GetString());
            Assert.Equal("""{"planId":"25-juni","measureId":"25-juni-10"}""", action.GetProperty("data").GetRawText());
        });
        Assert.Contains("⚠ Frist 30.11.2023 – passert", rows[0].GetRawText());
        Assert.DoesNotContain("⚠", rows[1].GetRawText());
        Assert.Contains("Frist 30.11.2023", rows[1].GetRawText());
        Assert.Contains("✓ Iverksatt", rows[1].GetRawText());
        Assert.Contains("PST, POD", rows[0].GetRawText());
    }

    [Fact]
    public void A_list_mixing_plans_names_the_plan_of_each_row()
    {
        var mixed = Build([CardData.Measure("25-juni-10"), CardData.Measure("22-juli-01")], Bokmal).GetRawText();
        var single = Build([CardData.Measure("25-juni-10")], Bokmal).GetRawText();

        Assert.Contains("\"text\":\"PST, POD · 25. juni-evalueringen\"", mixed);
        Assert.DoesNotContain("juni-evalueringen", single);
    }

    [Fact]
    public void Titles_and_headings_stay_literal()
    {
        var card = Build([CardData.Measure("25-juni-10") with { Title = "*Viktig* [x](y)" }], Bokmal, "1. tiltak *uten* frist").GetRawText();

        Assert.Contains("\\\\*Viktig\\\\* \\\\[x\\\\](y)", card);
        Assert.Contains("1\\\\. tiltak \\\\*uten\\\\* frist", card);
    }

    [Fact]
    public void An_empty_list_says_so()
    {
        var card = Build([], Bokmal).GetRawText();

        Assert.Contains("Ingen tiltak å vise.", card);
        Assert.DoesNotContain("Viser", card);
    }

    [Fact]
    public void A_page_of_eight_long_measures_stays_under_28_KB()
    {
        var longest = CardData.Longest(8).Select(m => m with
        {
            Title = m.Title + " " + m.Title,
            Owners = ["Politidirektoratet", "Politiets sikkerhetstjeneste", "Kripos", "Oslo politidistrikt"],
            Deadline = new DateOnly(2023, 9, 1),
        }).ToList();
        var json = MeasureListCard.Build("Forsinkede tiltak", longest, CardData.Plans,
            Bokmal with { MoreData = new JsonObject { ["q"] = "hva er forsinket?" } }).ToJson();

        Assert.True(json.Length < 28 * 1024, $"{json.Length} bytes");
    }
}
