using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TeamsBot.Tests.Telemetry;

/// <summary>
/// What one chat question and one status update leave in OpenTelemetry, through the real endpoint, protocol, Azurite
/// and connector: the spans an operator follows and the metrics they chart, and nothing a user typed or a secret.
/// </summary>
public sealed partial class TracesAndMetricsTests(TracedConversation conversation) : IClassFixture<TracedConversation>
{
    [Fact]
    public void A_question_is_traced_from_the_request_through_its_turn_and_answer_to_Table_Storage_and_the_connector()
    {
        var spans = conversation.Capture.SpansOf(conversation.QuestionTrace);

        // (The loopback connector is an ASP.NET Core host too: its server span is in the trace as well.)
        var request = Single(spans, s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /api/messages");
        Assert.Equal(200, request.GetTagItem("http.response.status_code"));
        Assert.Equal("message", request.GetTagItem("bot.activity.type"));
        Assert.Equal("msteams", request.GetTagItem("bot.channel.id"));
        Assert.Equal("personal", request.GetTagItem("bot.conversation.type"));

        var turn = Single(spans, s => s.OperationName == "bot.turn");
        Assert.Equal(request.SpanId, turn.ParentSpanId);
        var answer = Single(spans, s => s.OperationName == "chat.answer");
        Assert.Equal(turn.SpanId, answer.ParentSpanId);
        Assert.Equal("changed", answer.GetTagItem("teamsbot.answer.kind"));

        var calls = spans.Where(s => s.Kind == ActivityKind.Client).ToList();
        Assert.All(calls, call => Assert.Equal(answer.SpanId, call.ParentSpanId));
        var historyQuery = Single(calls, c => TableQuery().IsMatch((string?)c.GetTagItem("url.full") ?? ""));
        Assert.Equal("GET", historyQuery.GetTagItem("http.request.method"));
        var reply = Single(calls, c => ((string?)c.GetTagItem("url.full"))?.StartsWith(conversation.Connector.ServiceUrl, StringComparison.Ordinal) == true);
        Assert.Equal($"{conversation.Connector.ServiceUrl}v3/conversations/*/activities/*", reply.GetTagItem("url.full"));
        Assert.Equal(200, reply.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public void A_status_update_is_traced_through_its_card_action_to_the_Table_Storage_transaction()
    {
        var spans = conversation.Capture.SpansOf(conversation.UpdateTrace);

        var request = Single(spans, s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /api/messages");
        Assert.Equal("invoke", request.GetTagItem("bot.activity.type"));
        Assert.Equal("adaptiveCard/action", request.GetTagItem("bot.activity.name"));
        Assert.Equal(200, request.GetTagItem("http.response.status_code"));

        var action = Single(spans, s => s.OperationName == "card.action");
        Assert.Equal("measure.update", action.GetTagItem("teamsbot.card.verb"));
        Assert.Equal("execute", action.GetTagItem("teamsbot.card.action_type"));
        Assert.Equal("ok", action.GetTagItem("teamsbot.card.outcome"));
        Assert.Equal("saved", action.GetTagItem("teamsbot.update.outcome"));

        var transaction = Single(spans, s => s.Kind == ActivityKind.Client && ((string?)s.GetTagItem("url.full"))?.EndsWith("/devstoreaccount1/$batch", StringComparison.Ordinal) == true);
        Assert.Equal("POST", transaction.GetTagItem("http.request.method"));
        Assert.Equal(202, transaction.GetTagItem("http.response.status_code"));
        Assert.True(IsWithin(transaction, action, spans));
    }

    [Fact]
    public void Answers_card_actions_and_updates_are_counted_and_timed_by_kind_verb_and_outcome()
    {
        var metrics = conversation.Capture.CollectMetrics();

        Assert.Equal(1, TelemetryCapture.Sum(metrics, "teamsbot.chat.answers", ("teamsbot.answer.kind", "changed")));
        Assert.Equal(1, TelemetryCapture.Sum(metrics, "teamsbot.chat.answers"));
        Assert.Equal(1, TelemetryCapture.HistogramCount(metrics, "teamsbot.chat.answer.duration", ("teamsbot.answer.kind", "changed")));

        Assert.Equal(1, TelemetryCapture.Sum(metrics, "teamsbot.card.actions",
            ("teamsbot.card.verb", "measure.edit"), ("teamsbot.card.action_type", "execute"), ("teamsbot.card.outcome", "ok")));
        Assert.Equal(1, TelemetryCapture.Sum(metrics, "teamsbot.card.actions",
            ("teamsbot.card.verb", "measure.update"), ("teamsbot.card.action_type", "execute"), ("teamsbot.card.outcome", "ok")));
        Assert.Equal(2, TelemetryCapture.HistogramCount(metrics, "teamsbot.card.action.duration"));

        Assert.Equal(1, TelemetryCapture.Sum(metrics, "teamsbot.status_updates", ("teamsbot.update.outcome", "saved")));
        Assert.Equal(1, TelemetryCapture.Sum(metrics, "teamsbot.status_updates"));

        Assert.Equal(1, TelemetryCapture.HistogramCount(metrics, "teamsbot.index.load.duration", ("teamsbot.outcome", "ok")));
    }

    [Fact]
    public void No_span_or_metric_point_holds_what_the_user_typed_or_is_a_bearer_token_the_account_key_or_a_query_string()
    {
        var spans = conversation.Capture.Spans;
        var metrics = conversation.Capture.CollectMetrics();
        // The check means something only if the user's text and the tokens went through the traced requests.
        Assert.Contains(conversation.Capture.SpansOf(conversation.QuestionTrace), s => s.OperationName == "chat.answer");
        Assert.Contains(conversation.Capture.SpansOf(conversation.UpdateTrace), s => s.OperationName == "card.action");

        var recorded = spans.SelectMany(TelemetryCapture.RecordedStrings)
            .Concat(metrics.SelectMany(TelemetryCapture.RecordedStrings))
            .ToList();
        foreach (var secret in TracedConversation.Forbidden)
            Assert.DoesNotContain(recorded, value => value.Contains(secret, StringComparison.OrdinalIgnoreCase));
        foreach (var queryMark in new[] { "$filter", "%24filter", "PartitionKey", "RowKey", "?" })
            Assert.DoesNotContain(spans, s => UrlValues(s).Any(url => url.Contains(queryMark, StringComparison.Ordinal)));
        Assert.DoesNotContain(spans, s => s.TagObjects.Any(t => t.Key is "url.query" || t.Key.StartsWith("http.request.header.", StringComparison.Ordinal)));
    }

    private static IEnumerable<string> UrlValues(Activity span) =>
        span.TagObjects.Where(t => t.Key is "url.full" or "http.url" or "url.path" or "http.target").Select(t => t.Value as string ?? "");

    private static Activity Single(IReadOnlyList<Activity> spans, Func<Activity, bool> match)
    {
        var found = spans.Where(match).ToList();
        Assert.True(found.Count == 1, $"Expected one such span, found {found.Count} among: {string.Join(", ", spans.Select(s => $"{s.Kind} {s.DisplayName} {s.GetTagItem("url.full")}"))}");
        return found[0];
    }

    private static bool IsWithin(Activity span, Activity ancestor, IReadOnlyList<Activity> spans)
    {
        var byId = spans.ToDictionary(s => s.SpanId);
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
            if (parent.SpanId == ancestor.SpanId) return true;
        return false;
    }

    /// <summary>A Tables query on the measures table (the history rows), its address without the query string.</summary>
    [GeneratedRegex(@"^http://127\.0\.0\.1:\d+/devstoreaccount1/\w+Measures\(\)$")]
    private static partial Regex TableQuery();
}
