using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TeamsBot.Telemetry;

/// <summary>
/// One operation's span (when sampled), count and duration, ended once on Dispose with the outcome it finished
/// with, or <see cref="TelemetryTags.Error"/> (and an error status) when it never finished: an exception went through.
/// </summary>
internal sealed class OperationTiming(Activity? span, string outcomeTag, Counter<long>? count, Histogram<double>? duration, TagList tags) : IDisposable
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private TagList _tags = tags;
    private string? _outcome;
    private bool _disposed;

    public void Finish(string outcome) => _outcome = outcome;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        var outcome = _outcome ?? TelemetryTags.Error;
        _tags.Add(outcomeTag, outcome);
        count?.Add(1, _tags);
        duration?.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, _tags);
        if (span is null) return;
        foreach (var tag in _tags) span.SetTag(tag.Key, tag.Value);
        if (_outcome is null) span.SetStatus(ActivityStatusCode.Error);
        span.Dispose();
    }
}
