using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TeamsBot.Telemetry;

/// <summary>
/// The service's ActivitySource and Meter, both named "TeamsBot" (the Meter from DI's <see cref="IMeterFactory"/>);
/// each capability's telemetry class puts its spans and instruments on them.
/// </summary>
public sealed class TeamsBotTelemetry(IMeterFactory meters) : IDisposable
{
    public const string Name = "TeamsBot";

    public ActivitySource Source { get; } = new(Name);

    public Meter Meter { get; } = meters.Create(Name);

    /// <summary>Bucket boundaries in seconds for the service's durations: most take milliseconds, a slow one seconds.</summary>
    public static InstrumentAdvice<double> DurationAdvice() => new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    public void Dispose() => Source.Dispose();
}
