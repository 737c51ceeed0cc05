namespace TeamsBot.Tests.Digest;

/// <summary>
/// A wall clock the test sets (GetUtcNow), while timers and timestamps stay real: the scheduler's "what time is it"
/// is under test control, but retries, rate limiters and poll delays still run so the app behaves as it does live.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    public void Set(DateTimeOffset utc)
    {
        lock (_lock) _now = utc.ToUniversalTime();
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock) _now += by;
    }
}
