using System.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace TeamsBot.Tests.Telemetry;

/// <summary>
/// The app's spans and metric points through OpenTelemetry's in-memory exporters, added after the app's own pipeline
/// (so they see what an Azure Monitor exporter would: after redaction). ActivityListeners are process-wide, so spans of
/// other tests' hosts arrive too: a test finds its own by the trace id it sent in traceparent.
/// </summary>
public sealed class TelemetryCapture
{
    private readonly LockedList<Activity> _spans = new();
    private readonly LockedList<MetricSnapshot> _metrics = new();
    private IServiceProvider? _services;

    public void AttachTo(WebApplicationBuilder builder)
    {
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
    }

    public void Bind(IServiceProvider services) => _services = services;

    public IReadOnlyList<Activity> Spans => _spans.ToList();

    public IReadOnlyList<Activity> SpansOf(ActivityTraceId trace) => Spans.Where(s => s.TraceId == trace).ToList();

    /// <summary>Waits (events, not a fixed sleep: the server span ends just after its response is sent) for a trace's spans to satisfy <paramref name="done"/>.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForTraceAsync(ActivityTraceId trace, Func<IReadOnlyList<Activity>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var spans = SpansOf(trace);
            if (done(spans)) return spans;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The trace's spans did not arrive; got: {string.Join(", ", spans.Select(s => s.DisplayName))}; all: {string.Join(", ", Spans.Select(s => $"{s.DisplayName} {s.TraceId}"))}");
            await Task.Delay(20);
        }
    }

    /// <summary>Collects every metric now; the latest snapshot of each metric holds its totals (cumulative).</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        Assert.True(_services!.GetRequiredService<MeterProvider>().ForceFlush(10_000));
        return _metrics.ToList().GroupBy(m => (m.MeterName, m.Name)).Select(g => g.Last()).ToList();
    }

    public static long Sum(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        PointsOf(metrics, name, tags).Sum(p => p.GetSumLong());

    public static long HistogramCount(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        PointsOf(metrics, name, tags).Sum(p => p.GetHistogramCount());

    private static IEnumerable<MetricPoint> PointsOf(IReadOnlyList<MetricSnapshot> metrics, string name, (string Key, object Value)[] tags) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints)
            .Where(p => tags.All(t => TagsOf(p).Any(kv => kv.Key == t.Key && Equals(kv.Value, t.Value))));

    public static IEnumerable<KeyValuePair<string, object?>> TagsOf(MetricPoint point)
    {
        foreach (var tag in point.Tags) yield return tag;
    }

    /// <summary>Every string a span carries to an exporter: name, status, tags, events and their tags, links, baggage.</summary>
    public static IEnumerable<string> RecordedStrings(Activity span)
    {
        yield return span.DisplayName;
        yield return span.OperationName;
        if (span.StatusDescription is { } status) yield return status;
        foreach (var (key, value) in span.TagObjects)
        {
            yield return key;
            if (value is not null) yield return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        foreach (var e in span.Events)
        {
            yield return e.Name;
            foreach (var (key, value) in e.Tags) { yield return key; yield return value?.ToString() ?? ""; }
        }
        foreach (var link in span.Links)
            foreach (var (key, value) in link.Tags ?? []) { yield return key; yield return value?.ToString() ?? ""; }
        foreach (var (key, value) in span.Baggage) { yield return key; yield return value ?? ""; }
    }

    /// <summary>Every tag key and value of every point of a metric.</summary>
    public static IEnumerable<string> RecordedStrings(MetricSnapshot metric)
    {
        yield return metric.Name;
        foreach (var point in metric.MetricPoints)
            foreach (var (key, value) in TagsOf(point)) { yield return key; yield return value?.ToString() ?? ""; }
    }

    /// <summary>The exporters add from their own threads while a test reads.</summary>
    private sealed class LockedList<T> : ICollection<T>
    {
        private readonly List<T> _items = [];
        private readonly Lock _lock = new();

        public int Count { get { lock (_lock) return _items.Count; } }
        public bool IsReadOnly => false;
        public void Add(T item) { lock (_lock) _items.Add(item); }
        public void Clear() { lock (_lock) _items.Clear(); }
        public bool Contains(T item) { lock (_lock) return _items.Contains(item); }
        public void CopyTo(T[] array, int arrayIndex) { lock (_lock) _items.CopyTo(array, arrayIndex); }
        public bool Remove(T item) { lock (_lock) return _items.Remove(item); }
        public List<T> ToList() { lock (_lock) return [.. _items]; }
        public IEnumerator<T> GetEnumerator() => ToList().GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
