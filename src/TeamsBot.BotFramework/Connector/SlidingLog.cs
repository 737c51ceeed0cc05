namespace TeamsBot.BotFramework.Connector;

/// <summary>A limit of <paramref name="Permits"/> per sliding <paramref name="Window"/>.</summary>
internal readonly record struct RateRule(int Permits, TimeSpan Window);

/// <summary>
/// The times of the most recent permits of one partition (as many as the largest rule allows), so every rule is checked
/// exactly: a new permit is due once the Nth most recent one is a full window old. Not thread-safe; the owner serialises.
/// </summary>
internal sealed class SlidingLog
{
    private readonly RateRule[] _rules;
    private readonly long[] _windowTicks;
    private readonly long[] _granted; // ring buffer of timestamps, oldest at _start
    private int _start;
    private int _count;

    public SlidingLog(RateRule[] rules, long timestampFrequency)
    {
        if (rules.Length == 0 || rules.Any(r => r.Permits < 1 || r.Window <= TimeSpan.Zero))
            throw new ArgumentException("Each rule needs at least one permit and a positive window.", nameof(rules));
        _rules = rules;
        _windowTicks = rules.Select(r => (long)(r.Window.TotalSeconds * timestampFrequency)).ToArray();
        _granted = new long[rules.Max(r => r.Permits)];
    }

    /// <summary>The latest permit's timestamp, or null before the first.</summary>
    public long? Last => _count == 0 ? null : _granted[(_start + _count - 1) % _granted.Length];

    /// <summary>Timestamp ticks to wait, from <paramref name="now"/>, until a permit is due under every rule; 0 when due now.</summary>
    public long TicksUntilDue(long now)
    {
        long wait = 0;
        for (var i = 0; i < _rules.Length; i++)
        {
            var permits = _rules[i].Permits;
            if (_count < permits) continue;
            var nthMostRecent = _granted[(_start + _count - permits) % _granted.Length];
            wait = Math.Max(wait, nthMostRecent + _windowTicks[i] - now);
        }
        return wait;
    }

    public void Record(long now)
    {
        if (_count == _granted.Length)
        {
            _start = (_start + 1) % _granted.Length;
            _count--;
        }
        _granted[(_start + _count) % _granted.Length] = now;
        _count++;
    }
}
