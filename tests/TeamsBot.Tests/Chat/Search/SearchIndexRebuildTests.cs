using TeamsBot.Chat.Search;
using TeamsBot.Measures;

namespace TeamsBot.Tests.Chat.Search;

/// <summary>
/// The search index is built off the query path: while a newer snapshot's index is built, questions are answered from
/// the previous one at once, with the measures' current status; a burst of changes is one more build, not many.
/// </summary>
public sealed class SearchIndexRebuildTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private const string NewWord = "kvantekryptografi";

    private readonly MeasureIndex _index = PlanDataIndex.Load();
    private readonly ManualResetEventSlim _release = new(initialState: true);
    private readonly SemaphoreSlim _buildStarted = new(0);
    private readonly MeasureSearch _search;
    private int _builds;

    public SearchIndexRebuildTests()
    {
        _search = new MeasureSearch(_index, logger: null, beforeBuild: _ =>
        {
            Interlocked.Increment(ref _builds);
            _buildStarted.Release();
            _release.Wait(Generous);
        });
    }

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
        _buildStarted.Dispose();
    }

    private Measure Risk => _index.Current.Find("25-juni", "25-juni-06")!;

    /// <summary>Builds the first index, then holds every later build until <see cref="_release"/> is set.</summary>
    private async Task<SearchIndex> FirstIndexThenHoldBuildsAsync()
    {
        Assert.NotEmpty(_search.Search("risikovurderingsverktøy"));
        await _buildStarted.WaitAsync(Generous);
        _release.Reset();
        return _search.Built!;
    }

    private Task<IReadOnlyList<SearchHit>> SearchAsync(string query, Func<Measure, bool>? filter = null) =>
        Task.Run(() => _search.Search(query, filter: filter)).WaitAsync(Generous);

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Generous);
        while (!condition()) await Task.Delay(10, timeout.Token);
    }

    [Fact]
    public async Task A_question_during_a_rebuild_is_answered_from_the_previous_index_without_waiting_and_the_new_text_is_found_after()
    {
        var previous = await FirstIndexThenHoldBuildsAsync();
        _index.Apply([Risk with { Title = $"Verktøy for {NewWord}", Version = "v2", UpdatedAt = Risk.UpdatedAt.AddMinutes(1) }]);

        Assert.Empty(await SearchAsync(NewWord));                       // the held build is not waited for
        Assert.True(await _buildStarted.WaitAsync(Generous));            // …and it did start, in the background
        Assert.Same(previous, _search.Built);
        Assert.Equal("25-juni-06", (await SearchAsync("risikovurderingsverktøy"))[0].Measure.Id);

        _release.Set();
        await UntilAsync(() => !ReferenceEquals(_search.Built, previous));
        var hits = await SearchAsync(NewWord);
        Assert.Equal("25-juni-06", Assert.Single(hits).Measure.Id);
        Assert.Same(_index.Current, _search.Built!.Snapshot);
    }

    [Fact]
    public async Task An_own_write_shows_its_new_status_at_once_while_the_index_is_still_the_old_one()
    {
        var previous = await FirstIndexThenHoldBuildsAsync();
        Assert.NotEqual(MeasureStatus.Implemented, Risk.Status);
        _index.Apply([Risk with { Status = MeasureStatus.Implemented, Version = "v2", UpdatedAt = Risk.UpdatedAt.AddMinutes(1) }]);

        var hit = (await SearchAsync("risikovurderingsverktøy"))[0];
        var implemented = await SearchAsync("risikovurderingsverktøy", m => m.Status == MeasureStatus.Implemented);
        var notImplemented = await SearchAsync("risikovurderingsverktøy", m => m.Status != MeasureStatus.Implemented);

        Assert.Same(previous, _search.Built);
        Assert.Equal(("25-juni-06", MeasureStatus.Implemented, "v2"), (hit.Measure.Id, hit.Measure.Status, hit.Measure.Version));
        Assert.Contains(implemented, h => h.Measure.Id == "25-juni-06");
        Assert.DoesNotContain(notImplemented, h => h.Measure.Id == "25-juni-06");
    }

    [Fact]
    public async Task A_burst_of_changes_during_a_build_is_one_more_build_of_the_newest_snapshot()
    {
        await FirstIndexThenHoldBuildsAsync();
        for (var i = 1; i <= 5; i++)
        {
            _index.Apply([Risk with { Remark = $"Endring {i}", Version = $"v{i + 1}", UpdatedAt = Risk.UpdatedAt.AddMinutes(1) }]);
            Assert.NotEmpty(await SearchAsync("risikovurderingsverktøy"));
            if (i == 1) Assert.True(await _buildStarted.WaitAsync(Generous)); // held with the first change's snapshot
        }

        _release.Set();
        await UntilAsync(() => ReferenceEquals(_search.Built!.Snapshot, _index.Current));

        // The first index, the one held while the burst came in, and one for everything after it.
        Assert.Equal(3, Volatile.Read(ref _builds));
        Assert.Equal("Endring 5", _search.Built!.Documents.Single(m => m.Id == "25-juni-06").Remark);
    }

    [Fact]
    public void An_empty_snapshot_gets_no_index_and_the_first_question_after_measures_arrive_builds_one()
    {
        var empty = new MeasureIndex();
        var search = new MeasureSearch(empty);
        empty.Load([], []);

        Assert.Empty(search.Search("risikovurderingsverktøy"));
        Assert.Null(search.Built);

        var data = PlanDataIndex.Load().Current;
        empty.Load(data.Plans.Values, data.Measures.Values);
        Assert.Equal("25-juni-06", search.Search("risikovurderingsverktøy")[0].Measure.Id);
        Assert.Same(empty.Current, search.Built!.Snapshot);
    }
}
