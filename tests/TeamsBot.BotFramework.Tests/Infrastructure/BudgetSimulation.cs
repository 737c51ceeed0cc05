using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Connector.Sharing;

namespace TeamsBot.BotFramework.Tests;

/// <summary>
/// Instances of the app, each with its own limiter and heartbeat, sharing one budget store, on one fake clock moved in
/// 1 ms steps. Every running instance sends as fast as its limiter lets it (deterministic: <c>TryAcquire</c> each step);
/// each request takes a random latency and arrives at a random moment within it, which is what Teams counts.
/// </summary>
internal sealed class BudgetSimulation(int seed, int maxLatencyMs = 120)
{
    public const string Tenant = "tenant";

    public static readonly BotConnectorOptions Settings = new()
    {
        PerTenantPerSecond = 50,
        ShareHeartbeatInterval = TimeSpan.FromMilliseconds(500),
        ShareExpiry = TimeSpan.FromSeconds(2),
    };

    private readonly FakeTimeProvider _clock = new();
    private readonly Random _random = new(seed);
    private readonly List<Instance> _instances = [];

    public InMemoryBudgetStore Store { get; } = new();
    public long Now { get; private set; }

    /// <summary>Arrival times (ms) of every request, by instance name.</summary>
    public List<(string Instance, double At)> Arrivals { get; } = [];

    public async Task<Instance> StartAsync(string name)
    {
        var options = Options.Create(Settings);
        var share = new TenantBudgetShare(RateShare.Whole);
        var limiter = new ConnectorRateLimiter(options, _clock, share);
        var instance = new Instance(name, Now, share, limiter,
            new TenantBudgetHeartbeat(Store, share, limiter, _clock, options, NullLogger<TenantBudgetHeartbeat>.Instance));
        _instances.Add(instance);
        await instance.Heartbeat.BeatAsync(CancellationToken.None);
        return instance;
    }

    public async Task RunUntilAsync(long ms)
    {
        var interval = (long)Settings.ShareHeartbeatInterval.TotalMilliseconds;
        while (Now < ms)
        {
            foreach (var instance in _instances.Where(i => i.Running && Now > i.StartedAt && (Now - i.StartedAt) % interval == 0))
                await instance.Heartbeat.BeatAsync(CancellationToken.None);
            foreach (var instance in _instances)
            {
                foreach (var done in instance.InFlight.Where(f => f.CompletesAt <= Now).ToList())
                {
                    done.Permit.Dispose();
                    instance.InFlight.Remove(done);
                }
                while (instance.Running && instance.Limiter.TryAcquire(Tenant, null, out var permit))
                {
                    var latency = _random.Next(0, maxLatencyMs + 1);
                    Arrivals.Add((instance.Name, Now + _random.NextDouble() * latency));
                    instance.InFlight.Add((Now + latency, permit));
                }
            }
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            Now++;
        }
    }

    /// <summary>The most requests that arrived within any window of <paramref name="windowMs"/> (from any instance, or one).</summary>
    public int MostInAnyWindow(double windowMs, string? instance = null)
    {
        var times = Arrivals.Where(a => instance is null || a.Instance == instance).Select(a => a.At).Order().ToArray();
        var most = 0;
        for (int first = 0, last = 0; last < times.Length; last++)
        {
            while (times[last] - times[first] >= windowMs) first++;
            most = Math.Max(most, last - first + 1);
        }
        return most;
    }

    public int ArrivedBetween(string instance, double fromMs, double toMs) =>
        Arrivals.Count(a => a.Instance == instance && a.At >= fromMs && a.At < toMs);

    internal sealed record Instance(string Name, long StartedAt, TenantBudgetShare Share, ConnectorRateLimiter Limiter, TenantBudgetHeartbeat Heartbeat)
    {
        public bool Running { get; private set; } = true;
        public List<(long CompletesAt, ConnectorPermit Permit)> InFlight { get; } = [];

        /// <summary>Dies: no more beats or sends; requests already sent still complete.</summary>
        public void Crash() => Running = false;
    }
}
