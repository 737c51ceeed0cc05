using TeamsBot.Chat.Search;
using TeamsBot.Measures;
using TeamsBot.Measures.Import;
using TeamsBot.Measures.Storage;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Measures;

/// <summary>
/// The index poll against real storage: a poll that finds no change publishes no new snapshot, so the search index is
/// not rebuilt either; a poll that finds another instance's write publishes it, and the search index follows.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MeasureIndexRefreshTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;
    private DateTimeOffset _loadedAt;

    // The loop is not started: each test polls by hand. No skew allowance, so a poll from the load's start reads nothing.
    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync(azurite, new Dictionary<string, string?> { ["Index:ClockSkewAllowance"] = "00:00:00" }, start: false);
        var report = await _app.Get<PlanImporter>().ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);
        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        _loadedAt = await Loader.LoadAsync(CancellationToken.None);
        Assert.NotEmpty(Search.Search("risikovurderingsverktøy"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private MeasureIndexLoader Loader => _app.Get<MeasureIndexLoader>();
    private MeasureIndex Index => _app.Get<MeasureIndex>();
    private MeasureSearch Search => _app.Get<MeasureSearch>();

    [Fact]
    public async Task A_poll_that_reads_nothing_new_keeps_the_snapshot_and_the_search_index()
    {
        var (snapshot, built) = (Index.Current, Search.Built);

        await Loader.RefreshAsync(_loadedAt, CancellationToken.None);
        Search.Search("risikovurderingsverktøy");

        Assert.Same(snapshot, Index.Current);
        Assert.Same(built, Search.Built);
    }

    [Fact]
    public async Task A_poll_that_rereads_every_row_unchanged_keeps_the_snapshot_and_the_search_index()
    {
        var (snapshot, built) = (Index.Current, Search.Built);

        // Every plan and measure row comes back, as equal values in new objects.
        await Loader.RefreshAsync(_loadedAt.AddDays(-1), CancellationToken.None);
        Search.Search("risikovurderingsverktøy");

        Assert.Same(snapshot, Index.Current);
        Assert.Same(built, Search.Built);
    }

    [Fact]
    public async Task A_poll_that_reads_another_instances_write_publishes_it_and_the_search_index_follows()
    {
        var (snapshot, built) = (Index.Current, Search.Built);
        var store = _app.Get<MeasureStore>();
        var measure = (await store.GetMeasureAsync("25-juni", "25-juni-06", CancellationToken.None))!;
        var at = DateTimeOffset.UtcNow;
        await store.UpdateAsync(measure with { Remark = "Kvantekryptografi vurderes.", UpdatedAt = at, UpdatedBy = "Kari" },
            new HistoryEntry("25-juni", "25-juni-06", at, "Kari", "card", [new FieldChange("remark", measure.Remark, "Kvantekryptografi vurderes.")], null),
            CancellationToken.None);

        await Loader.RefreshAsync(_loadedAt, CancellationToken.None);

        Assert.NotSame(snapshot, Index.Current);
        Assert.Equal("Kvantekryptografi vurderes.", Index.Current.Find("25-juni", "25-juni-06")!.Remark);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Search.Search("kvantekryptografi").Count == 0) await Task.Delay(10, timeout.Token);
        Assert.NotSame(built, Search.Built);
    }
}
