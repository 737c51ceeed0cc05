using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsBot.Testing;

namespace TeamsBot.Bench;

/// <summary>
/// Closed-loop load for the peer benchmark: <c>concurrency</c> virtual conversations, each with one message in flight,
/// the next sent as soon as the reply to the last one has reached the loopback connector (and the HTTP answer is in).
/// Every message opens a new conversation in a new tenant, so Teams' limits (which our client enforces and the peer
/// does not) are never reached and neither side queues for them. Latency = POST sent → reply at the connector.
/// </summary>
internal sealed class PeerDriver(HttpClient http, LoopbackConnector connector, string runId, IReadOnlyList<(string Text, string Locale)> messages)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);
    private int _segment;

    public async Task<ProtocolSegment> RunAsync(Uri messagesUrl, string side, int concurrency, TimeSpan warmup, TimeSpan measured, CancellationToken cancellationToken)
    {
        var segment = Interlocked.Increment(ref _segment);
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + Ticks(warmup);
        var end = measureFrom + Ticks(measured);
        var loops = Enumerable.Range(0, concurrency)
            .Select(c => ConversationLoopAsync(messagesUrl, $"{runId}-{side}{segment}-{c}", measureFrom, end, cancellationToken))
            .ToArray();
        var untilMeasured = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureFrom);
        if (untilMeasured > TimeSpan.Zero) await Task.Delay(untilMeasured, cancellationToken);
        var results = await Task.WhenAll(loops);
        return new ProtocolSegment(results.SelectMany(r => r.Latencies).ToList(), measured, results.Sum(r => r.Errors), results.Sum(r => r.Timeouts));
    }

    private async Task<ProtocolSegment> ConversationLoopAsync(Uri messagesUrl, string loop, long measureFrom, long end, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var latencies = new List<long>();
        int errors = 0, timeouts = 0;
        for (var seq = 0; Stopwatch.GetTimestamp() < end; seq++)
        {
            var conversationId = $"a:{loop}-{seq}";
            var activityId = $"m-{seq}";
            using var forget = new CancellationTokenSource();
            var reply = connector.WaitForReplyAsync(conversationId, activityId, forget.Token);
            var (text, locale) = messages[((loop.GetHashCode(StringComparison.Ordinal) & 0x7FFF) + seq) % messages.Count];
            using var content = new ByteArrayContent(Activity(activityId, conversationId, $"tenant-{loop}-{seq}", loop, text, locale));
            content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsync(messagesUrl, content, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    errors++;
                    await forget.CancelAsync();
                    continue;
                }
                var arrived = (await reply.WaitAsync(ReplyTimeout, cancellationToken)).Timestamp;
                if (sent >= measureFrom && arrived < end) latencies.Add(arrived - sent);
            }
            catch (TimeoutException)
            {
                timeouts++;
                await forget.CancelAsync();
            }
            catch (HttpRequestException)
            {
                errors++;
                await forget.CancelAsync();
            }
        }
        return new ProtocolSegment(latencies, TimeSpan.Zero, errors, timeouts);
    }

    /// <summary>A personal-chat message as Teams sends it, with the client's clientInfo entity.</summary>
    private byte[] Activity(string id, string conversationId, string tenant, string user, string text, string locale)
    {
        var from = new TestUser($"29:{user}", "Kari Nordmann", string.Create(CultureInfo.InvariantCulture, $"00000000-0000-0000-0000-{user.GetHashCode(StringComparison.Ordinal) & 0xFFFFFF:x12}"));
        var activity = TeamsActivities.Message(connector.ServiceUrl, text, conversationId, locale, from, tenantId: tenant, id: id);
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "clientInfo", ["locale"] = locale, ["country"] = "NO", ["platform"] = "Web", ["timezone"] = "Europe/Oslo",
        });
        return JsonSerializer.SerializeToUtf8Bytes(activity);
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
