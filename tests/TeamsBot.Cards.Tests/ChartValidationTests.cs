using TeamsBot.Testing;

namespace TeamsBot.Cards.Tests;

/// <summary>
/// The validator knows Teams charts, which Microsoft's adaptivecards library does not: a chart with an element fallback
/// is valid, and only that; its shape is checked against Teams' documentation; the renderer draws the fallback.
/// </summary>
public class ChartValidationTests
{
    private static string Card(string element) => $$"""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"før"},{{element}}]}""";

    [Fact]
    public async Task A_chart_with_an_element_fallback_is_valid_for_Teams()
    {
        var errors = await CardValidator.ValidateAsync(SampleCards.StatusChart().ToJson());

        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_chart_without_a_fallback_or_falling_back_to_drop_is_reported_as_losing_its_content()
    {
        var results = await CardValidator.ValidateManyAsync(
        [
            Card("""{"type":"Chart.Donut","data":[{"legend":"a","value":1}]}"""),
            Card("""{"type":"Chart.Donut","data":[{"legend":"a","value":1}],"fallback":"drop"}"""),
        ]);

        Assert.Contains(results[0], e => e.StartsWith("ChartWithoutFallback: $.body[1] (Chart.Donut)", StringComparison.Ordinal));
        Assert.Contains(results[1], e => e.StartsWith("ChartWithoutFallback: $.body[1] (Chart.Donut)", StringComparison.Ordinal));
        Assert.All(results, errors => Assert.Contains(errors, e => e.StartsWith("UnknownElementType", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unknown_element_type_is_still_reported_when_it_has_a_fallback()
    {
        var errors = await CardValidator.ValidateAsync(Card("""{"type":"Chart.Radar","data":[],"fallback":{"type":"TextBlock","text":"x"}}"""));

        Assert.Contains(errors, e => e.StartsWith("UnknownElementType: Unknown element type \"Chart.Radar\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chart_color_Teams_does_not_accept_a_misspelled_property_or_a_bad_value_or_fallback_is_reported()
    {
        var errors = await CardValidator.ValidateAsync(Card("""
            {"type":"Chart.HorizontalBar.Stacked","Title":"T","colorSet":"rainbow",
             "data":[{"title":"P","data":[{"legend":"a","value":"1","color":"accent"}]}],
             "fallback":{"type":"TextBlock","text":"x","wrapp":true}}
            """));

        Assert.Contains(errors, e => e.StartsWith("UnknownProperty: $.body[1].Title", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("InvalidChartColorSet: $.body[1].colorSet", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("InvalidChartValue: $.body[1].data[0].data[0].value", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("InvalidChartColor: $.body[1].data[0].data[0].color = \"accent\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("UnknownProperty: $.body[1].fallback.wrapp", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.StartsWith("UnknownElementType", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_adaptivecards_renderer_draws_a_charts_fallback_text_in_its_place()
    {
        var rendering = (await CardRenderer.RenderAsync(new Dictionary<string, string>
        {
            ["status-chart-fallback"] = SampleCards.StatusChart().ToJson(),
        })).Single();

        Assert.Empty(rendering.Errors);
        Assert.Contains("12 iverksatt, 3 pågående", rendering.Text, StringComparison.Ordinal);
        Assert.Contains("21 pågående, 5 under planlegging", rendering.Text, StringComparison.Ordinal);
        Assert.Contains("Kongsberg: 9 anbefalt", rendering.Text, StringComparison.Ordinal);
        // The chart's own title is the chart's: only a host that draws charts shows it.
        Assert.DoesNotContain("Status per plan", rendering.Text, StringComparison.Ordinal);
    }
}
