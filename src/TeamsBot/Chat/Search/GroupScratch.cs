namespace TeamsBot.Chat.Search;

/// <summary>
/// Per-query working arrays (one slot per document, reused across queries: see <see cref="QueryScratch"/>) for scoring one <see cref="QueryGroup"/> at a time:
/// a slot's score is its best term's BM25 score; an alternative's is its weight × the mean of its slots; the group's
/// (<see cref="Best"/>) is its best alternative's, with that alternative's weight as the match <see cref="Quality"/>.
/// </summary>
internal sealed class GroupScratch
{
    private readonly double[] _slot;
    private readonly double[] _alternative;
    private readonly List<int> _slotTouched = [];
    private readonly List<int> _alternativeTouched = [];
    private readonly List<int> _groupTouched = [];

    public GroupScratch(int count)
    {
        _slot = new double[count];
        _alternative = new double[count];
        Best = new double[count];
        Quality = new double[count];
    }

    public double[] Best { get; }
    public double[] Quality { get; }

    /// <summary>Scores the group; returns the documents that matched it (valid until <see cref="Reset"/>).</summary>
    public IReadOnlyList<int> Score(QueryGroup group, SearchIndex index)
    {
        foreach (var alternative in group.Alternatives)
        {
            if (alternative.Slots.Count == 0) continue;
            foreach (var slot in alternative.Slots)
            {
                foreach (var term in slot)
                {
                    var documents = index.PostingDocuments[term];
                    var scores = index.PostingScores[term];
                    for (var p = 0; p < documents.Length; p++)
                    {
                        var d = documents[p];
                        double score = scores[p];
                        if (_slot[d] == 0) _slotTouched.Add(d);
                        if (score > _slot[d]) _slot[d] = score;
                    }
                }
                foreach (var d in _slotTouched)
                {
                    if (_alternative[d] == 0) _alternativeTouched.Add(d);
                    _alternative[d] += _slot[d];
                    _slot[d] = 0;
                }
                _slotTouched.Clear();
            }
            foreach (var d in _alternativeTouched)
            {
                var score = alternative.Weight * _alternative[d] / alternative.Slots.Count;
                _alternative[d] = 0;
                if (Best[d] == 0) _groupTouched.Add(d);
                if (score > Best[d])
                {
                    Best[d] = score;
                    Quality[d] = alternative.Weight;
                }
            }
            _alternativeTouched.Clear();
        }
        return _groupTouched;
    }

    public void Reset()
    {
        foreach (var d in _groupTouched)
        {
            Best[d] = 0;
            Quality[d] = 0;
        }
        _groupTouched.Clear();
    }
}
