using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TeamsBot.Telemetry;

/// <summary>
/// The read index: teamsbot.index.load.duration (with an "index.load" span: it runs once, at start) and
/// teamsbot.index.refresh.duration (no span: it runs every 15 s and would be most of the traces).
/// </summary>
public sealed class IndexTelemetry
{
    private readonly ActivitySource _source;
    private readonly Histogram<double> _load;
    private readonly Histogram<double> _refresh;

    public IndexTelemetry(TeamsBotTelemetry telemetry)
    {
        _source = telemetry.Source;
        _load = telemetry.Meter.CreateHistogram("teamsbot.index.load.duration", "s",
            "Time to load the read index from Table Storage, by outcome.", advice: TeamsBotTelemetry.DurationAdvice());
        _refresh = telemetry.Meter.CreateHistogram("teamsbot.index.refresh.duration", "s",
            "Time to pick up other instances' writes into the read index, by outcome.", advice: TeamsBotTelemetry.DurationAdvice());
    }

    public IndexTiming StartLoad() => new(new OperationTiming(_source.StartActivity("index.load"), TelemetryTags.Outcome, null, _load, default));

    public IndexTiming StartRefresh() => new(new OperationTiming(null, TelemetryTags.Outcome, null, _refresh, default));

    public sealed class IndexTiming : IDisposable
    {
        private readonly OperationTiming _timing;

        internal IndexTiming(OperationTiming timing) => _timing = timing;

        public void Succeeded() => _timing.Finish("ok");

        public void Dispose() => _timing.Dispose();
    }
}
