using Azure.Data.Tables;
using TeamsBot.Measures;
using TeamsBot.Measures.Storage;
using TeamsBot.Storage;
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

    private async Task<List<TableEntity>> RowsOfPartitionAsync(string planId)
    {
        var table = _app.Get<TableServiceClient>().GetTableClient(_app.TablePrefix + "Measures");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(planId)}")))
            rows.Add(row);
        return rows;
    }

    private static FormReceipt Receipt(string formId) => new(formId, "29:user-1", "11111111-1111-1111-1111-111111111111");

    [Fact]
    public async Task A_plans_measures_are_the_key_range_below_its_history_and_form_receipts()
    {
        var a = await Store.AddAsync(NewMeasure("a"), Audit(NewMeasure("a"), "import"), CancellationToken.None);
        var b = await Store.AddAsync(NewMeasure("zz-last"), Audit(NewMeasure("zz-last"), "import"), CancellationToken.None);
        await Store.UpdateAsync(a with { Remark = "ny" }, Audit(a, "card", new FieldChange("remark", a.Remark, "ny")), CancellationToken.None,
            Receipt(Guid.NewGuid().ToString("D")));

        var rows = await RowsOfPartitionAsync(a.PlanId);
        Assert.Equal(["form", "history", "history", "history", "measure", "measure"], rows.Select(r => r.GetString("Kind")).Order());
        // Measures sort below '~' and every other kind of row above it, so the plan's measures are one key range.
        Assert.All(rows, r => Assert.Equal(r.GetString("Kind") == "measure", string.CompareOrdinal(r.RowKey, "~") < 0));

        var measures = await Store.GetMeasuresAsync(null, CancellationToken.None, a.PlanId).ToListAsync();
        Assert.Equal(["a", "zz-last"], measures.Select(m => m.Id).Order());
        Assert.Equal(b.Version, measures.Single(m => m.Id == "zz-last").Version);
    }

    [Fact]
    public async Task A_forms_change_writes_the_measure_its_history_row_and_its_receipt_together_and_only_once()
    {
        var v1 = await Store.AddAsync(NewMeasure(), Audit(NewMeasure(), "import"), CancellationToken.None);
        var formId = Guid.NewGuid().ToString("D");
        var v2 = await Store.UpdateAsync(v1 with { Status = MeasureStatus.Implemented },
            Audit(v1, "card", new FieldChange("status", "InProgress", "Implemented")), CancellationToken.None, Receipt(formId));
        Assert.True(await Store.HasReceiptAsync(v1.PlanId, v1.Id, formId, CancellationToken.None));

        // The same form again, even at the current version (both submits passed every check): refused, nothing written.
        await Assert.ThrowsAsync<MeasureConflictException>(() => Store.UpdateAsync(v2 with { Remark = "igjen" },
            Audit(v2, "card", new FieldChange("remark", v2.Remark, "igjen")), CancellationToken.None, Receipt(formId)));

        var stored = await Store.GetMeasureAsync(v1.PlanId, v1.Id, CancellationToken.None);
        Assert.Equal((v2.Version, MeasureStatus.Implemented, v1.Remark), (stored!.Version, stored.Status, stored.Remark));
        Assert.Equal(["card", "import"], (await Store.GetHistoryAsync(v1.PlanId, v1.Id, CancellationToken.None).ToListAsync()).Select(h => h.Source));
        Assert.False(await Store.HasReceiptAsync(v1.PlanId, v1.Id, Guid.NewGuid().ToString("D"), CancellationToken.None));
    }

    [Fact]
    public async Task A_round_confirmation_is_one_conditional_write_of_a_history_row_without_changes()
    {
        var seen = await Store.AddAsync(NewMeasure(), Audit(NewMeasure(), "import"), CancellationToken.None);

        var confirmed = await Store.UpdateAsync(seen, Audit(seen, "round"), CancellationToken.None, Receipt(Guid.NewGuid().ToString("D")));
        await Assert.ThrowsAsync<MeasureConflictException>(() =>
            Store.UpdateAsync(seen, Audit(seen, "round"), CancellationToken.None, Receipt(Guid.NewGuid().ToString("D"))));

        var history = await Store.GetHistoryAsync(seen.PlanId, seen.Id, CancellationToken.None).ToListAsync();
        Assert.Equal(["round", "import"], history.Select(h => h.Source));
        Assert.Empty(history[0].Changes);
        var stored = await Store.GetMeasureAsync(seen.PlanId, seen.Id, CancellationToken.None);
        Assert.Equal((confirmed.Version, seen.Status, seen.Remark, seen.Deadline), (stored!.Version, stored.Status, stored.Remark, stored.Deadline));
    }

    [Fact]
    public async Task History_newer_than_a_moment_holds_only_the_rows_written_after_it()
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var m = await Store.AddAsync(NewMeasure(), Audit(NewMeasure(), "import") with { At = at }, CancellationToken.None);
        m = await Store.UpdateAsync(m, Audit(m, "seen") with { At = at.AddMinutes(1) }, CancellationToken.None);
        m = await Store.UpdateAsync(m, Audit(m, "after") with { At = at.AddMinutes(1).AddTicks(1) }, CancellationToken.None);
        await Store.UpdateAsync(m, Audit(m, "latest") with { At = at.AddHours(1) }, CancellationToken.None);

        var newer = await Store.GetHistoryAsync(m.PlanId, m.Id, CancellationToken.None, newerThan: at.AddMinutes(1)).ToListAsync();

        Assert.Equal(["latest", "after"], newer.Select(h => h.Source));
    }

    [Fact]
    public async Task History_since_a_moment_is_read_across_plans_without_measures_or_receipts()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var one = await Store.AddAsync(NewMeasure("one"), Audit(NewMeasure("one"), "import"), CancellationToken.None);
        var other = NewMeasure("two") with { PlanId = "other-plan" };
        await Store.AddAsync(other, Audit(other, "import"), CancellationToken.None);
        await Store.UpdateAsync(one, Audit(one, "card"), CancellationToken.None, Receipt(Guid.NewGuid().ToString("D")));
        await Store.AddAsync(NewMeasure("old"), Audit(NewMeasure("old"), "import") with { At = since.AddDays(-1) }, CancellationToken.None);

        var history = await Store.GetHistorySinceAsync(since, CancellationToken.None).ToListAsync();

        Assert.Equal(["one card", "one import", "two import"], history.Select(h => $"{h.MeasureId} {h.Source}").Order());
    }

    [Fact]
    public async Task Adding_many_measures_writes_each_with_its_history_row_in_transactions_the_service_accepts()
    {
        // 260 rows for one plan and 40 for another: far more than the 100 actions one transaction may carry.
        var writes = Enumerable.Range(0, 150).Select(i =>
        {
            var m = NewMeasure($"m-{i:D3}") with { PlanId = i < 130 ? "big" : "small" };
            return (m, Audit(m, "import"));
        }).ToList();

        var saved = await Store.AddManyAsync(writes, CancellationToken.None);

        Assert.All(saved, m => Assert.False(string.IsNullOrEmpty(m?.Version)));
        Assert.Equal(130, await Store.GetMeasuresAsync(null, CancellationToken.None, "big").CountAsync());
        Assert.Equal(20, await Store.GetMeasuresAsync(null, CancellationToken.None, "small").CountAsync());
        var rows = await RowsOfPartitionAsync("big");
        Assert.Equal(130, rows.Count(r => r.GetString("Kind") == "history"));
        var stored = await Store.GetMeasureAsync("big", "m-077", CancellationToken.None);
        Assert.Equal(saved[77]!.Version, stored!.Version);
    }

    [Fact]
    public async Task A_bulk_add_that_meets_an_existing_measure_leaves_that_transactions_measures_unwritten_and_says_which()
    {
        var existing = NewMeasure("m-010") with { PlanId = "big" };
        await Store.AddAsync(existing, Audit(existing, "card"), CancellationToken.None);
        var writes = Enumerable.Range(0, 60).Select(i =>
        {
            var m = NewMeasure($"m-{i:D3}") with { PlanId = "big", Remark = "fra import" };
            return (m, Audit(m, "import"));
        }).ToList();

        var saved = await Store.AddManyAsync(writes, CancellationToken.None);

        Assert.All(saved.Take(MeasureStore.MeasuresPerTransaction), Assert.Null);
        Assert.All(saved.Skip(MeasureStore.MeasuresPerTransaction), m => Assert.NotNull(m));
        var stored = await Store.GetMeasuresAsync(null, CancellationToken.None, "big").ToListAsync();
        Assert.Equal(1 + 10, stored.Count);
        Assert.Equal("Frist 1. september 2023", stored.Single(m => m.Id == "m-010").Remark);
        Assert.Equal(1 + 10, (await RowsOfPartitionAsync("big")).Count(r => r.GetString("Kind") == "history"));
    }
}
