using System.Text.Json;
using TeamsBot.Chat.Answers;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Chat.Answers;

public sealed class MeasurePageTests
{
    private static readonly DateOnly Today = CardData.Today;

    /// <summary>Many measures in several plans, with ties on every key but the last, in no particular order.</summary>
    private static List<Measure> Generated(int count, int seed = 7)
    {
        var random = new Random(seed);
        var statuses = Enum.GetValues<MeasureStatus>();
        return [.. Enumerable.Range(0, count).Select(i => new Measure
        {
            PlanId = $"plan-{random.Next(4)}",
            Id = $"m-{i:D5}",
            AreaId = "a",
            Order = random.Next(20),
            Title = $"Tiltak {i}",
            Status = statuses[random.Next(statuses.Length)],
            Deadline = random.Next(4) == 0 ? null : Today.AddDays(random.Next(-30, 30)),
        })];
    }

    private static List<string> Ids(IEnumerable<Measure> measures) => [.. measures.Select(m => $"{m.PlanId}/{m.Id}")];

    [Theory]
    [InlineData(0, 8)]
    [InlineData(1, 8)]
    [InlineData(7, 10)]
    [InlineData(124, 8)]
    public void A_selected_page_is_the_same_slice_as_sorting_every_match(int page, int pageSize)
    {
        var measures = Generated(1000);
        var sorted = MeasureOrdering.ForLists(measures, Today);

        var selected = MeasurePage.Select(measures, MeasureOrdering.ForLists(Today), page, pageSize);

        Assert.Equal(Ids(sorted.Skip(page * pageSize).Take(pageSize)), Ids(selected.Items));
        Assert.Equal((page * pageSize, 1000, true), (selected.First, selected.Total, selected.MixesPlans));
    }

    [Fact]
    public void Pages_one_after_another_show_every_match_once_in_list_order()
    {
        var measures = Generated(203);
        var order = MeasureOrdering.ForLists(Today);

        var pages = Enumerable.Range(0, 26).Select(p => MeasurePage.Select(measures, order, p, 8)).ToList();

        Assert.Equal(Ids(MeasureOrdering.ForLists(measures, Today)), Ids(pages.SelectMany(p => p.Items)));
        Assert.Equal(3, pages[^1].Items.Count);
        Assert.All(pages, p => Assert.Equal(203, p.Total));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-400)]
    [InlineData(400)]
    public void A_snapshot_walked_in_list_order_is_the_order_of_sorting_every_measure(int daysFromToday)
    {
        var measures = Generated(1000);
        var index = new MeasureIndex();
        index.Load([], measures);
        var today = Today.AddDays(daysFromToday);

        Assert.Equal(Ids(MeasureOrdering.ForLists(measures, today)), Ids(MeasureOrdering.ForLists(index.Current, today)));
    }

    [Fact]
    public void A_page_of_measures_in_list_order_is_their_slice_and_counts_them_all()
    {
        var ordered = MeasureOrdering.ForLists(Generated(203), Today);

        var third = MeasurePage.Of(ordered, 2, 8);
        var pastTheEnd = MeasurePage.Of(ordered, 30, 8);

        Assert.Equal(Ids(ordered.Skip(16).Take(8)), Ids(third.Items));
        Assert.Equal((16, 203, true), (third.First, third.Total, third.MixesPlans));
        Assert.Empty(pastTheEnd.Items);
        Assert.Equal((203, 203), (pastTheEnd.First, pastTheEnd.Total));
    }

    [Fact]
    public void A_page_past_the_end_is_empty_and_starts_at_the_total()
    {
        var page = MeasurePage.Select(Generated(20), MeasureOrdering.ForLists(Today), 5, 8);

        Assert.Empty(page.Items);
        Assert.Equal((20, 20), (page.First, page.Total));
    }

    [Fact]
    public void Measures_of_one_plan_do_not_mix_plans()
    {
        var page = MeasurePage.Select(CardData.InPlan("25-juni"), MeasureOrdering.ForLists(Today), 0, 8);

        Assert.False(page.MixesPlans);
        Assert.Equal(30, page.Total);
    }

    [Fact]
    public void Choosing_the_first_page_of_10000_matches_compares_each_about_once_instead_of_sorting_them_all()
    {
        var measures = Generated(10_000, seed: 3);
        var order = MeasureOrdering.ForLists(Today);
        var comparisons = 0;
        var counting = Comparer<Measure>.Create((a, b) =>
        {
            comparisons++;
            return order.Compare(a, b);
        });

        var page = MeasurePage.Select(measures, counting, 0, 8);

        Assert.Equal(Ids(MeasureOrdering.ForLists(measures, Today).Take(8)), Ids(page.Items));
        // A sort of 10,000 needs ~130,000 comparisons (n log n); keeping the best 8 needs about one per measure.
        Assert.True(comparisons < 2 * measures.Count, $"{comparisons} comparisons for {measures.Count} measures");
    }

    [Fact]
    public void A_list_card_of_10000_matches_renders_one_page_and_counts_the_rest()
    {
        var measures = Generated(10_000);
        var view = new ListView(UserLanguage.Bokmal, Today, Page: 2);

        var card = MeasureListCard.Build("Tiltak", MeasurePage.Select(measures, MeasureOrdering.ForLists(Today), view.Page, view.PageSize),
            new Dictionary<string, Plan>(), view);

        var json = JsonDocument.Parse(card.ToJson()).RootElement;
        var rows = json.GetProperty("body").EnumerateArray().Where(e => e.TryGetProperty("selectAction", out _)).ToList();
        Assert.Equal(8, rows.Count);
        Assert.Contains("Viser 17–24 av 10000", json.GetRawText());
        Assert.Equal(3, json.GetProperty("actions")[0].GetProperty("data").GetProperty("page").GetInt32());
    }
}
