using System.Diagnostics;

namespace TeamsBot.Testing;

/// <summary>
/// Teams' documented limits enforced the strict way, a true sliding window on arrival time: per tenant
/// <see cref="TenantPerSecond"/> requests in any 1 s, per conversation 7 in any 1 s and 60 in any 30 s.
/// </summary>
public sealed class TeamsRateLimits(int tenantPerSecond = 50)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<long>> _perTenant = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Queue<long> Second, Queue<long> HalfMinute)> _perConversation = new(StringComparer.Ordinal);

    public int TenantPerSecond { get; } = tenantPerSecond;

    /// <summary>Counts the request if every window has room and returns zero; else how long until the fullest one frees a slot.</summary>
    public TimeSpan Admit(string tenant, string conversation, long timestamp)
    {
        lock (_gate)
        {
            if (!_perTenant.TryGetValue(tenant, out var tenantWindow)) _perTenant[tenant] = tenantWindow = new Queue<long>();
            if (!_perConversation.TryGetValue(conversation, out var c)) _perConversation[conversation] = c = (new Queue<long>(), new Queue<long>());
            var wait = Max(Check(tenantWindow, TenantPerSecond, TimeSpan.FromSeconds(1), timestamp),
                Max(Check(c.Second, 7, TimeSpan.FromSeconds(1), timestamp), Check(c.HalfMinute, 60, TimeSpan.FromSeconds(30), timestamp)));
            if (wait > TimeSpan.Zero) return wait;
            tenantWindow.Enqueue(timestamp);
            c.Second.Enqueue(timestamp);
            c.HalfMinute.Enqueue(timestamp);
            return TimeSpan.Zero;
        }
    }

    private static TimeSpan Check(Queue<long> window, int limit, TimeSpan length, long now)
    {
        while (window.Count > 0 && Stopwatch.GetElapsedTime(window.Peek(), now) >= length) window.Dequeue();
        return window.Count < limit ? TimeSpan.Zero : length - Stopwatch.GetElapsedTime(window.Peek(), now);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
