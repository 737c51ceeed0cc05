using System.Diagnostics;
using OpenTelemetry.Trace;

namespace TeamsBot.Telemetry;

/// <summary>
/// The root sampler: an outgoing call that no operation of ours encloses is not traced. Those are the background
/// polls (the read index every 15 s, the weekly brief's schedule every 30 s), which would be most of the traces and
/// say nothing; their durations are in the metrics (http.client.request.duration, teamsbot.index.refresh.duration).
/// Everything else — requests, turns, answers, card actions, the brief's posts — is traced, with its calls.
/// </summary>
public sealed class UnparentedCallsSampler : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private static readonly SamplingResult Sample = new(SamplingDecision.RecordAndSample);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Drop : Sample;
}
