using System.Collections.Concurrent;
using System.Diagnostics;

namespace TeamsBot.Tests.Telemetry;

/// <summary>
/// The address of every HTTP request this process sends while it is recorded, whoever sends it: HttpClient's own
/// diagnostic event, which fires also for an exporter's calls (OpenTelemetry's instrumentation leaves those out).
/// </summary>
public sealed class OutgoingRequests : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string RequestEvent = "System.Net.Http.Request";
    private readonly ConcurrentQueue<Uri> _requests = new();
    private readonly ConcurrentBag<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    private OutgoingRequests() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public static OutgoingRequests Start() => new();

    public IReadOnlyList<Uri> Requests => _requests.ToArray();

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "HttpHandlerDiagnosticListener")
            _subscriptions.Add(listener.Subscribe(this, name => name == RequestEvent));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RequestEvent) return;
        if (value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is HttpRequestMessage { RequestUri: { } uri })
            _requests.Enqueue(uri);
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        foreach (var subscription in _subscriptions) subscription.Dispose();
    }
}
