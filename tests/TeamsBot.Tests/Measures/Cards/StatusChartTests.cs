using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Tests.Measures.Cards;

/// <summary>Status counts as a Teams chart: the numbers, the status colors, and the text fallback.</summary>
public class StatusChartTests
{
    private static StatusCounts Counts(int recommended = 0, int planning = 0, int inProgress = 0, int implemented = 0, int overdue = 0) => new(
        new Dictionary<MeasureStatus, int>
        {
            [MeasureStatus.Recommended] = recommended, [MeasureStatus.UnderPlanning] = planning,
            [MeasureStatus.InProgress] = inProgress, [MeasureStatus.Implemented] = implemented,
        }.Where(p => p.Value > 0).ToDictionary(),
        overdue);

    [Fact]
    public void Each_plan_is_a_bar_of_its_counts_implemented_first_in_the_colors_the_cards_use_for_each_status()
    {
        PlanStatusCounts[] plans = [new("22. juli", Counts(implemented: 12, inProgress: 3)), new("25. juni", Counts(recommended: 1, planning: 5, inProgress: 21, implemented: 4))];

        var chart = StatusChart.ForPlans(plans, UserLanguage.Bokmal);

        Assert.Equal(["22. juli", "25. juni"], chart.Data.Select(b => b.Title));
        Assert.Equal([("Iverksatt", 12.0, AdaptiveChartColor.Good), ("Pågående", 3.0, AdaptiveChartColor.CategoricalBlue)],
            chart.Data[0].Data.Select(p => (p.Legend, p.Value, p.Color!.Value)));
        Assert.Equal(
            [("Iverksatt", 4.0, AdaptiveChartColor.Good), ("Pågående", 21.0, AdaptiveChartColor.CategoricalBlue),
             ("Under planlegging", 5.0, AdaptiveChartColor.Warning), ("Anbefalt", 1.0, AdaptiveChartColor.Neutral)],
            chart.Data[1].Data.Select(p => (p.Legend, p.Value, p.Color!.Value)));
    }

    [Fact]
    public void Without_a_fallback_given_clients_without_charts_see_each_plans_name_over_its_counts_line_overdue_included()
    {
        PlanStatusCounts[] plans = [new("Plan *A*", Counts(inProgress: 2, overdue: 1)), new("Tom plan", Counts())];

        var chart = StatusChart.ForPlans(plans, UserLanguage.English);

        var text = Assert.IsType<AdaptiveContainer>(chart.Fallback!.Content);
        Assert.Equal(@"**Plan \*A\***", Assert.IsType<AdaptiveTextBlock>(text.Items[0]).Text);
        var line = string.Concat(Assert.IsType<AdaptiveRichTextBlock>(text.Items[1]).Inlines.Select(r => r.Text));
        Assert.Equal("◑ 2 in progress · ⚠ 1 overdue", line.Replace('\u00A0', ' '));
        Assert.Equal("**Tom plan**", Assert.IsType<AdaptiveTextBlock>(text.Items[2]).Text);
        // A plan without measures has its line in the text, but no empty bar in the chart.
        Assert.Equal(["Plan *A*"], chart.Data.Select(b => b.Title));
    }

    [Fact]
    public void A_fallback_given_stands_in_for_the_chart()
    {
        var facts = new AdaptiveFactSet { Facts = [new("pågående", "2")] };

        var chart = StatusChart.ForPlans([new("Plan", Counts(inProgress: 2))], UserLanguage.Bokmal, facts, title: "Runde 1");

        Assert.Same(facts, chart.Fallback!.Content);
        Assert.Equal("Runde 1", chart.Title);
    }

    [Fact]
    public void One_plans_counts_as_a_donut_fall_back_to_its_counts_line()
    {
        var donut = StatusChart.ForPlan(Counts(planning: 1, implemented: 2), UserLanguage.Bokmal, "Kongsberg");

        Assert.Equal("Kongsberg", donut.Title);
        Assert.Equal([("Iverksatt", 2.0, AdaptiveChartColor.Good), ("Under planlegging", 1.0, AdaptiveChartColor.Warning)],
            donut.Data.Select(p => (p.Legend!, p.Value, p.Color!.Value)));
        Assert.IsType<AdaptiveRichTextBlock>(donut.Fallback!.Content);
    }
}
