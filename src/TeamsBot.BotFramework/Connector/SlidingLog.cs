namespace TeamsBot.BotFramework.Connector;

/// <summary>A limit of <paramref name="Permits"/> per sliding <paramref name="Window"/>.</summary>
internal readonly record struct RateRule(int Permits, TimeSpan Window);

/// <summary>One granted permit: when its request started, and when it completed (<see cref="SlidingLog.InFlight"/> until then).</summary>
internal sealed class Hold(long started)
{
    public long Started { get; } = started;
    public long Completed { get; set; } = SlidingLog.InFlight;
}

/// <summary>
/// The permits of one partition, each counted against a rule from the moment its request starts until it completed plus
/// the rule's window. Teams counts requests by when they <em>arrive</em>, somewhere between the start and the response;
/// counting until completion + window means any N requests that arrive within one window held their permits at the same
/// moment, so at most N of them can, whatever the latency and its jitter. With instant responses this is exactly a
/// sliding log of start times. Not thread-safe; the owner serialises.
/// </summary>
internal sealed class SlidingLog
{
    /// <summary>The completion time of a request still in flight, and the wait for a permit that needs one to complete.</summary>
    public const long InFlight = long.MaxValue;

    private readonly RateRule[] _rules;
    private readonly long[] _windowTicks;
    private readonly long _longestWindow;
    private readonly List<Hold> _holds = []; // in grant order

    public SlidingLog(RateRule[] rules, long timestampFrequency)
    {
        if (rules.Length == 0 || rules.Any(r => r.Permits < 1 || r.Window <= TimeSpan.Zero))
            throw new ArgumentException("Each rule needs at least one permit and a positive window.", nameof(rules));
        _rules = rules;
        _windowTicks = rules.Select(r => (long)(r.Window.TotalSeconds * timestampFrequency)).ToArray();
        _longestWindow = _windowTicks.Max();
    }

    /// <summary>True when no permit counts any more (nothing in flight, every window passed).</summary>
    public bool IsIdle(long now)
    {
        Prune(now);
        return _holds.Count == 0;
    }

    /// <summary>
    /// Timestamp ticks to wait, from <paramref name="now"/>, until a permit is due under every rule, each rule's permits
    /// scaled to <paramref name="share"/>; 0 when due now, <see cref="InFlight"/> when only a completion (or a larger
    /// share) can free one.
    /// </summary>
    public long TicksUntilDue(long now, RateShare share)
    {
        Prune(now);
        long wait = 0;
        for (var i = 0; i < _rules.Length; i++)
        {
            var permits = share.Of(_rules[i].Permits);
            if (permits == 0) return InFlight;
            var counted = Counted(i, now);
            if (counted < permits) continue;
            wait = Math.Max(wait, FreedAt(i, now, counted - permits + 1) - now);
            if (wait == InFlight - now) return InFlight;
        }
        return wait;
    }

    /// <summary>True when, under every rule, no more permits count than <paramref name="share"/> allows.</summary>
    public bool IsWithin(long now, RateShare share)
    {
        Prune(now);
        for (var i = 0; i < _rules.Length; i++)
            if (Counted(i, now) > share.Of(_rules[i].Permits)) return false;
        return true;
    }

    public Hold Grant(long now)
    {
        var hold = new Hold(now);
        _holds.Add(hold);
        return hold;
    }

    public static void Complete(Hold hold, long now)
    {
        if (hold.Completed == InFlight) hold.Completed = Math.Max(now, hold.Started);
    }

    public void Revoke(Hold hold) => _holds.Remove(hold);

    private long ReleasedAt(Hold hold, int rule) => hold.Completed == InFlight ? InFlight : hold.Completed + _windowTicks[rule];

    private int Counted(int rule, long now)
    {
        var counted = 0;
        foreach (var hold in _holds)
            if (ReleasedAt(hold, rule) > now) counted++;
        return counted;
    }

    /// <summary>When the <paramref name="k"/>-th of the permits counting under <paramref name="rule"/> stops counting.</summary>
    private long FreedAt(int rule, long now, int k)
    {
        var releases = new long[_holds.Count];
        var n = 0;
        foreach (var hold in _holds)
            if (ReleasedAt(hold, rule) is var at && at > now) releases[n++] = at;
        Array.Sort(releases, 0, n);
        return releases[k - 1];
    }

    /// <summary>Forgets permits that count under no rule any more.</summary>
    private void Prune(long now)
    {
        var kept = 0;
        for (var i = 0; i < _holds.Count; i++)
        {
            var hold = _holds[i];
            if (hold.Completed != InFlight && hold.Completed + _longestWindow <= now) continue;
            _holds[kept++] = hold;
        }
        if (kept < _holds.Count) _holds.RemoveRange(kept, _holds.Count - kept);
    }
}
