using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using BotActivity = TeamsBot.BotFramework.Schema.Activity;

namespace TeamsBot.BotFramework.Diagnostics;

/// <summary>
/// The protocol layer's spans and metrics, under the name "TeamsBot.BotFramework" (a library of its own, like the SDK
/// it stands in for): the shape of each inbound activity on its request span, a span per turn, and the connector's
/// retries and 429s. Only values from small fixed vocabularies are recorded (see <see cref="BotSpanTags"/>), never
/// text, names, ids or tokens.
/// </summary>
public sealed class BotTelemetry : IDisposable
{
    public const string Name = "TeamsBot.BotFramework";

    private readonly ActivitySource _source = new(Name);
    private readonly Counter<long> _retries;
    private readonly Counter<long> _throttled;

    public BotTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _retries = meter.CreateCounter<long>("teamsbot.connector.retries", "{retry}",
            "Connector calls sent again after a failed attempt, by operation and what failed.");
        _throttled = meter.CreateCounter<long>("teamsbot.connector.throttled", "{response}",
            "429 Too Many Requests answers from the connector, by operation.");
    }

    /// <summary>Describes the activity on the current request's span (ASP.NET Core's, when tracing is on).</summary>
    internal static void DescribeRequest(BotActivity activity) => BotSpanTags.Describe(Activity.Current, activity);

    /// <summary>The request is answered 200 while its turn goes on in the background.</summary>
    internal static void TurnContinuesAfterResponse() =>
        Activity.Current?.SetTag(BotSpanTags.ContinuedAfterResponse, true);

    /// <summary>The activity was delivered again and answered as the first time, without a second turn.</summary>
    internal static void Redelivered() =>
        Activity.Current?.SetTag(BotSpanTags.Redelivered, true);

    /// <summary>A span for one turn (inbound or proactive); the caller disposes it.</summary>
    internal Activity? StartTurn(BotActivity activity)
    {
        var span = _source.StartActivity("bot.turn");
        BotSpanTags.Describe(span, activity);
        return span;
    }

    /// <summary>Marks a span failed by the exception's type only: a message may quote what a user typed.</summary>
    internal static void Failed(Activity? span, Exception exception)
    {
        if (span is null) return;
        span.SetStatus(ActivityStatusCode.Error);
        span.SetTag(BotSpanTags.ErrorType, exception.GetType().FullName);
    }

    internal void ConnectorAttemptFailed(string operation, HttpStatusCode status)
    {
        if (status == HttpStatusCode.TooManyRequests)
            _throttled.Add(1, new KeyValuePair<string, object?>(BotSpanTags.ConnectorOperation, operation));
    }

    /// <summary>A retry after <paramref name="status"/>, or after a timeout or broken connection when it is null.</summary>
    internal void ConnectorRetrying(string operation, HttpStatusCode? status) =>
        _retries.Add(1,
            new KeyValuePair<string, object?>(BotSpanTags.ConnectorOperation, operation),
            new KeyValuePair<string, object?>(BotSpanTags.ErrorType,
                status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "timeout_or_connection"));

    public void Dispose() => _source.Dispose();
}
