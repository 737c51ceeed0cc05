using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsBot.Cards.Tests;

/// <summary>Teams charts and element fallbacks, written exactly in the shapes learn.microsoft.com documents.</summary>
public class ChartSerializationTests
{
    private static JsonNode Written(AdaptiveElement element) => new AdaptiveCard { Body = { element } }.ToJsonNode()["body"]![0]!;

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nwritten  {actual.ToJsonString()}");

    [Fact]
    public void A_donut_chart_is_written_with_its_slices_legend_value_and_color_and_its_fallback_element()
    {
        var donut = new AdaptiveDonutChart
        {
            Title = "Kongsberg",
            ColorSet = AdaptiveChartColorSet.Categorical,
            Data = { new("Iverksatt", 4, AdaptiveChartColor.Good), new("Pågående", 21.5) },
            Fallback = new AdaptiveFallbackElement(new AdaptiveTextBlock("4 iverksatt, 21,5 pågående")),
        };

        AssertJson("""
            {"type":"Chart.Donut","title":"Kongsberg","colorSet":"categorical",
             "data":[{"legend":"Iverksatt","value":4,"color":"good"},{"legend":"Pågående","value":21.5}],
             "fallback":{"type":"TextBlock","text":"4 iverksatt, 21,5 pågående"}}
            """, Written(donut));
    }

    [Fact]
    public void A_stacked_horizontal_bar_chart_is_written_as_bars_with_a_title_and_their_parts()
    {
        var chart = new AdaptiveStackedHorizontalBarChart
        {
            Title = "Status",
            XAxisTitle = "Tiltak",
            Data =
            {
                new("22. juli", [new("Iverksatt", 12, AdaptiveChartColor.Good), new("Pågående", 3, AdaptiveChartColor.CategoricalBlue)]),
                new("25. juni", [new("Under planlegging", 5, AdaptiveChartColor.Warning)]),
            },
            Fallback = AdaptiveFallbackElement.Drop,
        };

        AssertJson("""
            {"type":"Chart.HorizontalBar.Stacked","title":"Status","xAxisTitle":"Tiltak",
             "data":[
               {"title":"22. juli","data":[{"legend":"Iverksatt","value":12,"color":"good"},{"legend":"Pågående","value":3,"color":"categoricalBlue"}]},
               {"title":"25. juni","data":[{"legend":"Under planlegging","value":5,"color":"warning"}]}],
             "fallback":"drop"}
            """, Written(chart));
    }

    [Fact]
    public void A_value_of_zero_and_a_chart_without_data_are_still_written()
    {
        var written = Written(new AdaptiveDonutChart { Data = { new("Anbefalt", 0) } });
        var empty = Written(new AdaptiveStackedHorizontalBarChart { Data = { new("Plan", []) } });

        Assert.Equal(0, (double)written["data"]![0]!["value"]!);
        Assert.Empty(empty["data"]![0]!["data"]!.AsArray());
    }

    [Fact]
    public void Every_chart_color_is_written_with_the_name_Teams_documents()
    {
        string[] documented =
        [
            "good", "warning", "attention", "neutral", "categoricalRed", "categoricalPurple", "categoricalLavender",
            "categoricalBlue", "categoricalLightBlue", "categoricalTeal", "categoricalGreen", "categoricalLime",
            "categoricalMarigold", "sequential1", "sequential2", "sequential3", "sequential4", "sequential5",
            "sequential6", "sequential7", "sequential8", "divergingBlue", "divergingLightBlue", "divergingCyan",
            "divergingTeal", "divergingYellow", "divergingPeach", "divergingLightRed", "divergingRed", "divergingMaroon",
            "divergingGray",
        ];
        var donut = new AdaptiveDonutChart { Data = [.. Enum.GetValues<AdaptiveChartColor>().Select(c => new AdaptiveDonutChartData("x", 1, c))] };

        var written = Written(donut)["data"]!.AsArray().Select(p => (string)p!["color"]!);

        Assert.Equal(documented, written);
    }

    [Fact]
    public void An_element_fallback_reads_back_as_the_element_and_an_action_fallback_as_the_action()
    {
        var card = new AdaptiveCard
        {
            Body = { new AdaptiveDonutChart { Data = { new("a", 1) }, Fallback = new AdaptiveFallbackElement(new AdaptiveTextBlock("tekst")) } },
            Actions = { new AdaptiveExecuteAction { Verb = "v", Fallback = new AdaptiveFallbackElement(new AdaptiveSubmitAction { Title = "Send" }) } },
        };

        var json = card.ToJson();
        var body = JsonNode.Parse(json)!["body"]!.AsArray();
        var element = JsonSerializer.Deserialize<AdaptiveElement>(body[0]!.ToJsonString(), JsonSerializerOptions.Web);
        var fallback = JsonSerializer.Deserialize<AdaptiveFallbackElement>("""{"type":"Action.Submit","title":"Send"}""", JsonSerializerOptions.Web);

        var donut = Assert.IsType<AdaptiveDonutChart>(element);
        Assert.Equal("tekst", Assert.IsType<AdaptiveTextBlock>(donut.Fallback!.Content).Text);
        Assert.Equal("Send", Assert.IsType<AdaptiveSubmitAction>(fallback!.Content).Title);
    }

    [Fact]
    public void An_element_cannot_fall_back_to_an_action_nor_an_action_to_an_element()
    {
        var element = new AdaptiveDonutChart();
        var action = new AdaptiveExecuteAction { Verb = "v" };

        Assert.Throws<ArgumentException>(() => element.Fallback = new AdaptiveFallbackElement(new AdaptiveSubmitAction()));
        Assert.Throws<ArgumentException>(() => action.Fallback = new AdaptiveFallbackElement(new AdaptiveTextBlock("x")));
        Assert.Null(element.Fallback);
        Assert.Null(action.Fallback);
    }
}
