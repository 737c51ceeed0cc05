using System.Diagnostics;
using System.Diagnostics.Metrics;
using TeamsBot.Digest;

namespace TeamsBot.Telemetry;

/// <summary>Weekly-brief posts: a "digest.post" span and teamsbot.digest.posts by outcome (sent, blocked, failed).</summary>
public sealed class DigestTelemetry
{
    private readonly ActivitySource _source;
    private readonly Counter<long> _posts;
    private readonly Histogram<double> _duration;

    public DigestTelemetry(TeamsBotTelemetry telemetry)
    {
        _source = telemetry.Source;
        _posts = telemetry.Meter.CreateCounter<long>("teamsbot.digest.posts", "{post}",
            "Weekly briefs posted to a channel, by outcome.");
        _duration = telemetry.Meter.CreateHistogram("teamsbot.digest.post.duration", "s",
            "Time to post one brief, connector limits and retries included, by outcome.", advice: TeamsBotTelemetry.DurationAdvice());
    }

    public PostTiming StartPost() =>
        new(new OperationTiming(_source.StartActivity("digest.post"), TelemetryTags.DigestOutcome, _posts, _duration, default));

    public sealed class PostTiming : IDisposable
    {
        private readonly OperationTiming _timing;

        internal PostTiming(OperationTiming timing) => _timing = timing;

        /// <summary>Records <paramref name="result"/> and returns it.</summary>
        public DigestSendResult Finished(DigestSendResult result)
        {
            _timing.Finish(result switch
            {
                DigestSendResult.Posted => "sent",
                DigestSendResult.Blocked => "blocked",
                _ => "failed",
            });
            return result;
        }

        public void Dispose() => _timing.Dispose();
    }
}
