using TeamsBot.Measures;

namespace TeamsBot.Chat.Search;

/// <summary>
/// Keeps a <see cref="SearchIndex"/> for the read index's snapshot without making questions wait for builds. The
/// first index is built by the first question that needs one (others wait for that one build); after that, a question
/// that meets a newer snapshot starts a build in the background and is answered from the index it has. A burst of
/// snapshots coalesces: one build runs at a time and the next one takes whatever snapshot is current when it starts.
/// A snapshot without measures gets no index (there is nothing to find), so an app that starts empty and then imports
/// builds its first index for the imported plans.
/// </summary>
internal sealed class SearchIndexKeeper(MeasureIndex index, Func<MeasureSnapshot, SearchIndex> build, ILogger logger)
{
    private readonly Lock _firstBuild = new();
    private volatile SearchIndex? _current;
    private int _building;

    /// <summary>The index questions are answered from now; possibly of an older snapshot than <see cref="MeasureIndex.Current"/>.</summary>
    public SearchIndex? Current => _current;

    /// <summary>Null when the snapshot has no measures. Never waits, except for the first build.</summary>
    public SearchIndex? Get()
    {
        var snapshot = index.Current;
        var current = _current;
        if (current is null) return snapshot.Measures.Count == 0 ? null : BuildFirst();
        if (!ReferenceEquals(current.Snapshot, snapshot)) StartBackgroundBuild();
        return current;
    }

    private SearchIndex BuildFirst()
    {
        lock (_firstBuild)
        {
            if (_current is { } built) return built;
            built = build(index.Current);
            _current = built;
            return built;
        }
    }

    private void StartBackgroundBuild()
    {
        if (Interlocked.CompareExchange(ref _building, 1, 0) != 0) return;
        _ = Task.Run(BuildUntilCurrent);
    }

    private void BuildUntilCurrent()
    {
        do
        {
            try
            {
                for (var snapshot = index.Current; !ReferenceEquals(_current?.Snapshot, snapshot); snapshot = index.Current)
                    _current = build(snapshot);
            }
            catch (Exception e)
            {
                // The old index keeps serving; the next question that meets the newer snapshot tries again.
                logger.LogError(e, "Building the search index failed; answering from the previous one");
                Volatile.Write(ref _building, 0);
                return;
            }
            Volatile.Write(ref _building, 0);
            // A snapshot published between the last check and the flag's reset would wait for the next question.
        } while (!ReferenceEquals(_current?.Snapshot, index.Current) && Interlocked.CompareExchange(ref _building, 1, 0) == 0);
    }
}
