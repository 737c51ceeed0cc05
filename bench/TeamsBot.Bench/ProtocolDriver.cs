using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsBot.Testing;

namespace TeamsBot.Bench;

/// <summary>How one load segment is shaped.</summary>
internal sealed record ProtocolLoad(int VirtualUsers, double RatePerUser, int ConversationsPerUser, TimeSpan Warmup, TimeSpan Measured);

/// <summary>Latencies (Stopwatch ticks) of activities sent inside the measured window, and what went wrong.</summary>
internal sealed record ProtocolSegment(List<long> Latencies, TimeSpan Measured, int Errors, int Timeouts, TimeSpan Cpu = default);

/// <summary>
/// Virtual users, each with at most one activity in flight: post a message activity, wait for its reply at the loopback
/// connector (and for the HTTP answer), then the next one, no faster than <see cref="ProtocolLoad.RatePerUser"/>.
/// Each user has its own tenant and spreads its activities round-robin over its own conversations, so the connector
/// client's Teams limits (7/s and 60/30 s per conversation, 50/s per tenant) are never reached.
/// </summary>
internal sealed class ProtocolDriver(HttpClient http, LoopbackConnector connector, string runId, ProtocolBreakdown? breakdown = null,
    Func<string, int, (string Text, string Locale)>? messages = null)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);
    private readonly string _serviceUrl = connector.ServiceUrl;
    private int _segment;

    public async Task<ProtocolSegment> RunAsync(Uri messagesUrl, string side, ProtocolLoad load, CancellationToken cancellationToken)
    {
        var segment = Interlocked.Increment(ref _segment);
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + ToTicks(load.Warmup);
        var end = measureFrom + ToTicks(load.Measured);
        var users = Enumerable.Range(0, load.VirtualUsers)
            .Select(u => UserAsync(messagesUrl, $"{side}{segment}u{u}", load, measureFrom, end, cancellationToken))
            .ToArray();
        var untilMeasured = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureFrom);
        if (untilMeasured > TimeSpan.Zero) await Task.Delay(untilMeasured, cancellationToken);
        var cpuFrom = ProcessCpu();
        var results = await Task.WhenAll(users);
        // CPU of the whole process (driver, endpoint, connector) over the measured window, which the users' tail overruns slightly.
        return new ProtocolSegment(
            results.SelectMany(r => r.Latencies).ToList(), load.Measured, results.Sum(r => r.Errors), results.Sum(r => r.Timeouts), ProcessCpu() - cpuFrom);
    }

    private async Task<ProtocolSegment> UserAsync(Uri messagesUrl, string user, ProtocolLoad load, long measureFrom, long end, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var latencies = new List<long>();
        int errors = 0, timeouts = 0;
        var interval = ToTicks(TimeSpan.FromSeconds(1 / load.RatePerUser));
        var tenant = $"tenant-{runId}-{user}";
        var conversations = Enumerable.Range(0, load.ConversationsPerUser).Select(c => $"a:{runId}-{user}-c{c}").ToArray();
        // Users start spread over one interval, not in lock step.
        var next = Stopwatch.GetTimestamp() + Random.Shared.NextInt64(interval);
        for (var seq = 0; ; seq++)
        {
            var now = Stopwatch.GetTimestamp();
            if (now < next) await Task.Delay(Stopwatch.GetElapsedTime(now, next), cancellationToken);
            now = Stopwatch.GetTimestamp();
            if (now >= end) break;
            next = Math.Max(now, next) + interval; // no catch-up bursts after a slow reply

            var conversationId = conversations[seq % conversations.Length];
            var activityId = $"{user}-{seq}";
            using var forget = new CancellationTokenSource();
            var reply = connector.WaitForReplyAsync(conversationId, activityId, forget.Token);
            var (text, locale) = messages?.Invoke(user, seq) ?? ("hjelp", "nb-NO");
            using var content = new ByteArrayContent(Activity(activityId, conversationId, tenant, user, text, locale));
            content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };

            using var request = new HttpRequestMessage(HttpMethod.Post, messagesUrl) { Content = content };
            request.Headers.Add(ProtocolBreakdown.Header, activityId);
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    errors++;
                    await forget.CancelAsync();
                    continue;
                }
                var arrived = (await reply.WaitAsync(ReplyTimeout, cancellationToken)).Timestamp;
                if (sent < measureFrom) continue;
                latencies.Add(arrived - sent);
                breakdown?.Record(activityId, sent, arrived);
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

    /// <summary>A personal-chat message as Teams sends it, from this user in its own tenant, with the client's clientInfo entity.</summary>
    private byte[] Activity(string id, string conversationId, string tenant, string user, string text, string locale)
    {
        var from = new TestUser($"29:{user}", "Kari Nordmann", string.Create(CultureInfo.InvariantCulture, $"00000000-0000-0000-0000-{user.GetHashCode() & 0xFFFFFF:x12}"));
        var activity = TeamsActivities.Message(_serviceUrl, text, conversationId, locale, from, tenantId: tenant, id: id);
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "clientInfo", ["locale"] = locale, ["country"] = "NO", ["platform"] = "Web", ["timezone"] = "Europe/Oslo",
        });
        return JsonSerializer.SerializeToUtf8Bytes(activity);
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
