using TeamsBot.Measures;
using TeamsBot.Measures.Storage;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Measures;

[Collection(AzuriteCollection.Name)]
public sealed class MeasureStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;
    private MeasureStore Store => _app.Get<MeasureStore>();

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync(azurite, start: false);
        await Store.EnsureTablesAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Measure NewMeasure(string id = "m-1") => new()
    {
        PlanId = "plan/with#odd?chars", Id = id, AreaId = "a", Order = 1, Title = "Tittel med æøå", Status = MeasureStatus.InProgress,
        Remark = "Frist 1. september 2023", Owners = ["PST", "Kripos"], Deadline = new DateOnly(2023, 9, 1), DeadlineText = "1. september 2023",
    };

    private static HistoryEntry Audit(Measure m, string source, params FieldChange[] changes) =>
        new(m.PlanId, m.Id, DateTimeOffset.UtcNow, "tester", source, changes, null);

    [Fact]
    public async Task A_measure_round_trips_with_odd_plan_ids_and_its_history_row()
    {
        var measure = NewMeasure();
        var saved = await Store.AddAsync(measure, Audit(measure, "test"), CancellationToken.None);

        var read = await Store.GetMeasureAsync(measure.PlanId, measure.Id, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(saved.Version, read.Version);
        Assert.Equal((measure.Title, measure.Status, measure.Deadline, measure.DeadlineText), (read.Title, read.Status, read.Deadline, read.DeadlineText));
        Assert.Equal(measure.Owners, read.Owners);
        Assert.Single(await Store.GetHistoryAsync(measure.PlanId, measure.Id, CancellationToken.None).ToListAsync());
        Assert.Single(await Store.GetMeasuresAsync(null, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task An_update_from_a_stale_version_is_refused_and_writes_no_history()
    {
        var measure = NewMeasure();
        var v1 = await Store.AddAsync(measure, Audit(measure, "test"), CancellationToken.None);
        var v2 = await Store.UpdateAsync(v1 with { Status = MeasureStatus.Implemented }, Audit(v1, "card", new FieldChange("status", "InProgress", "Implemented")), CancellationToken.None);
        Assert.NotEqual(v1.Version, v2.Version);

        var stale = v1 with { Remark = "skrevet over?" };
        await Assert.ThrowsAsync<MeasureConflictException>(() =>
            Store.UpdateAsync(stale, Audit(stale, "card", new FieldChange("remark", v1.Remark, stale.Remark)), CancellationToken.None));

        var current = await Store.GetMeasureAsync(measure.PlanId, measure.Id, CancellationToken.None);
        Assert.Equal(MeasureStatus.Implemented, current!.Status);
        Assert.Equal(measure.Remark, current.Remark);
        var history = await Store.GetHistoryAsync(measure.PlanId, measure.Id, CancellationToken.None).ToListAsync();
        Assert.Equal(["card", "test"], history.Select(h => h.Source));
    }

    [Fact]
    public async Task A_cleared_deadline_stays_cleared()
    {
        var saved = await Store.AddAsync(NewMeasure(), Audit(NewMeasure(), "test"), CancellationToken.None);
        await Store.UpdateAsync(saved with { Deadline = null, DeadlineText = null }, Audit(saved, "card"), CancellationToken.None);

        var read = await Store.GetMeasureAsync(saved.PlanId, saved.Id, CancellationToken.None);
        Assert.Null(read!.Deadline);
        Assert.Null(read.DeadlineText);
    }

    [Fact]
    public async Task History_lists_newest_first_and_only_for_that_measure()
    {
        var a = await Store.AddAsync(NewMeasure("a"), Audit(NewMeasure("a"), "one"), CancellationToken.None);
        await Store.AddAsync(NewMeasure("ab"), Audit(NewMeasure("ab"), "other measure"), CancellationToken.None);
        await Task.Delay(5);
        await Store.UpdateAsync(a with { Remark = "to" }, Audit(a, "two"), CancellationToken.None);

        var history = await Store.GetHistoryAsync(a.PlanId, "a", CancellationToken.None).ToListAsync();
        Assert.Equal(["two", "one"], history.Select(h => h.Source));
    }

    [Fact]
    public async Task A_refresh_that_finds_nothing_new_keeps_the_same_snapshot()
    {
        await Store.UpsertPlanAsync(new Plan("p", "Plan", "nb", "", "", new DateOnly(2023, 1, 1),
            [new Area("a", "Område", "Mål", ["kapittel 1"])]), CancellationToken.None);
        await Store.AddAsync(NewMeasure() with { PlanId = "p" }, Audit(NewMeasure() with { PlanId = "p" }, "test"), CancellationToken.None);
        var loader = _app.Get<MeasureIndexLoader>();
        var since = await loader.LoadAsync(CancellationToken.None);
        var before = _app.Get<MeasureIndex>().Current;

        await loader.RefreshAsync(since, CancellationToken.None);
        await loader.RefreshAsync(since, CancellationToken.None);

        // A new snapshot would make every instance rebuild its search index on the next question.
        Assert.Same(before, _app.Get<MeasureIndex>().Current);
    }

    [Fact]
    public async Task The_index_picks_up_another_instances_write_on_refresh()
    {
        var loader = _app.Get<MeasureIndexLoader>();
        var index = _app.Get<MeasureIndex>();
        var since = await loader.LoadAsync(CancellationToken.None);
        Assert.True(index.IsLoaded);
        Assert.Empty(index.Current.Measures);

        await using var other = await TestApp.CreateAsync(azurite, start: false, tablePrefix: _app.TablePrefix);
        var written = await other.Get<MeasureStore>().AddAsync(NewMeasure(), Audit(NewMeasure(), "test"), CancellationToken.None);

        await loader.RefreshAsync(since, CancellationToken.None);
        Assert.Equal(written.Version, index.Current.Find(written.PlanId, written.Id)?.Version);
    }
}
