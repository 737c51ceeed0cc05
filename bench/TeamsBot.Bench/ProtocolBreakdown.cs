using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TeamsBot.BotFramework;

namespace TeamsBot.Bench;

/// <summary>
/// Stopwatch stamps inside the real app (--breakdown only, so the measured runs carry no instrumentation): when the
/// request reaches the first middleware and when the bot's turn starts, keyed by the activity id the driver also
/// sends as a header. Splits "posted → reply at the connector" into: to the pipeline, to the turn, turn to reply.
/// </summary>
internal sealed class ProtocolBreakdown
{
    public const string Header = "x-bench-activity";
    private readonly ConcurrentDictionary<string, long> _arrived = new();
    private readonly ConcurrentDictionary<string, long> _turnStarted = new();
    private readonly ConcurrentDictionary<string, long> _sending = new();
    private readonly ConcurrentBag<(long Sent, long Arrived, long TurnStarted, long Sending, long Replied)> _samples = [];

    public void Instrument(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IStartupFilter>(new FirstMiddleware(this));
        var bot = builder.Services.Last(d => d.ServiceType == typeof(IBot));
        builder.Services.Remove(bot);
        builder.Services.AddSingleton<IBot>(sp => new TimedBot((IBot)(bot.ImplementationInstance
            ?? bot.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, bot.ImplementationType!)), this));
        builder.Services.AddHttpClient(BotFramework.Connector.BotConnectorOptions.HttpClientName).AddHttpMessageHandler(() => new SendStamp(this));
    }

    public void Record(string activityId, long sent, long replied)
    {
        if (_arrived.TryRemove(activityId, out var arrived) && _turnStarted.TryRemove(activityId, out var started)
            && _sending.TryRemove(activityId, out var sending))
            _samples.Add((sent, arrived, started, sending, replied));
    }

    public void Print()
    {
        var samples = _samples.ToArray();
        Console.WriteLine($"| Stage ({samples.Length:N0} activities) | mean | p50 | p95 | p99 |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Row("driver POST → first middleware (client, Kestrel)", samples.Select(s => s.Arrived - s.Sent));
        Row("first middleware → turn starts (routing, body read, parse, auth, tenant, Task.Run, DI scope)", samples.Select(s => s.TurnStarted - s.Arrived));
        Row("turn starts → reply at connector (handler, connector client, limiter, HTTP)", samples.Select(s => s.Replied - s.TurnStarted));
        Row("  turn starts → HTTP send starts (handler, DI, limiter, serialisation setup)", samples.Select(s => s.Sending - s.TurnStarted));
        Row("  HTTP send starts → reply at connector (HttpClient, sockets, connector's Kestrel)", samples.Select(s => s.Replied - s.Sending));
        Row("total", samples.Select(s => s.Replied - s.Sent));
    }

    private static void Row(string stage, IEnumerable<long> ticks)
    {
        var sorted = ticks.Order().ToArray();
        if (sorted.Length == 0) return;
        double Ms(long t) => t * 1000.0 / Stopwatch.Frequency;
        double P(double q) => Ms(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {stage} | {sorted.Average(Ms):0.000} ms | {P(0.5):0.000} ms | {P(0.95):0.000} ms | {P(0.99):0.000} ms |"));
    }

    private sealed class FirstMiddleware(ProtocolBreakdown breakdown) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, following) =>
            {
                if (http.Request.Headers[Header].ToString() is { Length: > 0 } id) breakdown._arrived[id] = Stopwatch.GetTimestamp();
                return following(http);
            });
            next(app);
        };
    }

    /// <summary>First handler of the connector's HttpClient: after the limiter, before the socket. The reply's path ends with the activity id.</summary>
    private sealed class SendStamp(ProtocolBreakdown breakdown) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri) breakdown._sending[Uri.UnescapeDataString(uri.Segments[^1])] = Stopwatch.GetTimestamp();
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class TimedBot(IBot inner, ProtocolBreakdown breakdown) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            if (turnContext.Activity.Id is { } id) breakdown._turnStarted[id] = Stopwatch.GetTimestamp();
            return inner.OnTurnAsync(turnContext, cancellationToken);
        }
    }
}
