namespace TeamsBot.Tests.Infrastructure;

/// <summary>A clock stopped at one instant; timers still run on real time (the base class's), so hosted services work.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
