using TeamsBot.Chat;
using TeamsBot.Chat.Understanding;
using TeamsBot.Measures;
using TeamsBot.Measures.Import;
using TeamsBot.Measures.Storage;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Chat;

/// <summary>«hva er endret»: history decides, read once per read-index snapshot and period, never per question.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChangedMeasuresTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync(azurite, start: false);
        var report = await _app.Get<PlanImporter>().ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);
        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<Measure> ChangeInStorageAsync(string measureId, MeasureStatus status)
    {
        var store = _app.Get<MeasureStore>();
        var measure = (await store.GetMeasureAsync("25-juni", measureId, CancellationToken.None))!;
        var at = DateTimeOffset.UtcNow;
        return await store.UpdateAsync(measure with { Status = status, UpdatedAt = at, UpdatedBy = "Kari" },
            new HistoryEntry("25-juni", measureId, at, "Kari", "card", [new FieldChange("status", measure.Status.ToString(), status.ToString())], null),
            CancellationToken.None);
    }

    [Fact]
    public async Task Changes_are_read_once_per_snapshot_and_a_new_snapshot_reads_them_again()
    {
        var index = _app.Get<MeasureIndex>();
        var changed = _app.Get<ChangedMeasures>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var week = new DateRange(today.AddDays(-7), today.AddDays(1));
        var first = await ChangeInStorageAsync("25-juni-08", MeasureStatus.Implemented);
        index.Apply([first]);
        var snapshot = index.Current;
        Assert.Equal(["25-juni-08"], (await changed.InAsync(snapshot, week, CancellationToken.None)).Select(m => m.Id));

        // Another instance's write, before this instance's poll has brought it into the index.
        var second = await ChangeInStorageAsync("25-juni-09", MeasureStatus.Implemented);

        Assert.Equal(["25-juni-08"], (await changed.InAsync(snapshot, week, CancellationToken.None)).Select(m => m.Id));
        index.Apply([second]);
        var after = await changed.InAsync(index.Current, week, CancellationToken.None);
        Assert.Equal(["25-juni-08", "25-juni-09"], after.Select(m => m.Id).Order());
        Assert.All(after, m => Assert.Equal(MeasureStatus.Implemented, m.Status));
    }
}
