using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace TeamsBot.Testing;

public static class FakeClock
{
    /// <summary>
    /// Keeps <paramref name="clock"/> moving while <paramref name="work"/> runs, so that what the app awaits on it
    /// (Retry-After, backoff, poll intervals) comes due: a <see cref="FakeTimeProvider"/>'s timers fire only when time is
    /// advanced, and the test cannot see when the app starts waiting. Each step moves the clock by <paramref name="step"/>
    /// and then waits for the work to finish or for a short real pause, whichever is first. Fails after
    /// <paramref name="timeout"/> (real time, 30 s by default).
    /// </summary>
    public static async Task<T> AdvanceWhileAsync<T>(this FakeTimeProvider clock, Task<T> work, TimeSpan step, TimeSpan? timeout = null)
    {
        await clock.AdvanceWhileAsync((Task)work, step, timeout);
        return await work;
    }

    public static async Task AdvanceWhileAsync(this FakeTimeProvider clock, Task work, TimeSpan step, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var started = Stopwatch.GetTimestamp();
        while (!work.IsCompleted)
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
                throw new TimeoutException($"The work did not finish within {limit.TotalSeconds:0} s while the fake clock moved to {clock.GetUtcNow():O}.");
            clock.Advance(step);
            await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(10)));
        }
        await work;
    }
}
