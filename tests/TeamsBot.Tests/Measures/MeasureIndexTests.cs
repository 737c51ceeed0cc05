using System.Globalization;
using TeamsBot.Measures;

namespace TeamsBot.Tests.Measures;

public sealed class MeasureIndexTests
{
    private static Measure Make(string id, DateTimeOffset updatedAt, MeasureStatus status = MeasureStatus.InProgress) => new()
    {
        PlanId = "p", Id = id, AreaId = "a", Order = 1, Title = id, Status = status, UpdatedAt = updatedAt, Version = updatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
    };

    private static readonly Plan PlanP = new("p", "P", "nb", "", "", new DateOnly(2023, 1, 1), []);

    [Fact]
    public void A_load_that_finishes_after_own_writes_keeps_them()
    {
        var index = new MeasureIndex();
        var t0 = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        // The load started reading before these writes and publishes after them.
        index.Apply(PlanP);
        index.Apply([Make("written-during-load", t0.AddSeconds(1)), Make("updated-during-load", t0.AddSeconds(2), MeasureStatus.Implemented)]);

        index.Load([], [Make("updated-during-load", t0), Make("only-in-load", t0)]);

        var current = index.Current;
        Assert.True(index.IsLoaded);
        Assert.Contains("p", current.Plans.Keys);
        Assert.NotNull(current.Find("p", "written-during-load"));
        Assert.NotNull(current.Find("p", "only-in-load"));
        Assert.Equal(MeasureStatus.Implemented, current.Find("p", "updated-during-load")!.Status);
    }

    [Fact]
    public void A_refresh_never_replaces_a_newer_version_with_an_older_one()
    {
        var index = new MeasureIndex();
        var t0 = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        index.Load([PlanP], [Make("m", t0.AddMinutes(1), MeasureStatus.Implemented)]);

        Assert.Equal(0, index.Apply([Make("m", t0)]));
        Assert.Equal(MeasureStatus.Implemented, index.Current.Find("p", "m")!.Status);
    }

    [Fact]
    public void A_new_snapshot_never_serves_the_flat_views_of_the_one_it_was_copied_from()
    {
        var index = new MeasureIndex();
        var t0 = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        index.Load([PlanP], [Make("a", t0)]);
        Assert.Single(index.Current.All);
        Assert.Single(index.Current.InPlan("p"));
        Assert.Single(index.Current.ByDeadline);

        index.Apply([Make("b", t0)]);

        Assert.Equal(["a", "b"], index.Current.All.Select(m => m.Id).Order());
        Assert.Equal(2, index.Current.InPlan("p").Count());
        Assert.Equal(["a", "b"], index.Current.ByDeadline.Select(m => m.Id));
    }

    [Fact]
    public void A_measure_is_found_by_its_id_in_any_case_and_a_new_snapshot_finds_its_new_measures()
    {
        var index = new MeasureIndex();
        var t0 = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        index.Load([PlanP], [Make("p-01", t0), Make("p-02", t0)]);
        Assert.Equal("p-02", index.Current.FirstWithIdIn(["status", "P-02"])!.Id);
        Assert.Null(index.Current.FirstWithIdIn(["p-03"]));

        index.Apply([Make("p-03", t0)]);

        Assert.Equal("p-03", index.Current.FirstWithIdIn(["p-03"])!.Id);
        var all = index.Current.All;
        Assert.Equal(all.First(m => m.Id is "p-01" or "p-03").Id, index.Current.FirstWithIdIn(["p-03", "p-01"])!.Id);
    }
}
