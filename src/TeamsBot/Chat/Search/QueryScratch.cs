using System.Collections.Concurrent;

namespace TeamsBot.Chat.Search;

/// <summary>
/// The working memory of one query: per-document sums, and the documents touched (so clearing costs what the query
/// touched, not the index size). Kept in <see cref="Pool"/> between queries: allocating these per query (lists grown to
/// thousands of documents, arrays the size of the index) was ~400 KB of garbage per free-text question.
/// </summary>
internal sealed class QueryScratch
{
    private QueryScratch(int capacity)
    {
        Capacity = capacity;
        Total = new double[capacity];
        Coverage = new double[capacity];
        MatchedGroups = new int[capacity];
        Group = new GroupScratch(capacity);
    }

    public int Capacity { get; }
    public double[] Total { get; }
    public double[] Coverage { get; }
    public int[] MatchedGroups { get; }
    public List<int> Touched { get; } = [];
    public GroupScratch Group { get; }

    /// <summary>One per query in flight at most; an index that grew gets larger scratches.</summary>
    public sealed class Pool
    {
        private readonly ConcurrentBag<QueryScratch> _free = [];

        public QueryScratch Rent(int documents)
        {
            while (_free.TryTake(out var scratch))
                if (scratch.Capacity >= documents) return scratch;
            return new QueryScratch(Math.Max(documents, 1));
        }

        public void Return(QueryScratch scratch)
        {
            foreach (var d in scratch.Touched)
            {
                scratch.Total[d] = 0;
                scratch.Coverage[d] = 0;
                scratch.MatchedGroups[d] = 0;
            }
            scratch.Touched.Clear();
            scratch.Group.Reset();
            _free.Add(scratch);
        }
    }
}
