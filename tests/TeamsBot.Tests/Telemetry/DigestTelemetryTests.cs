using Microsoft.Extensions.Time.Testing;
using TeamsBot.Digest;
using TeamsBot.Testing;
using TeamsBot.Tests.Digest;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Telemetry;

/// <summary>Each weekly-brief post is a "digest.post" span and is counted by outcome.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DigestTelemetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Brief_posts_are_traced_and_counted_as_sent_or_blocked()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        var clock = new FakeTimeProvider(DigestHarness.Week47Monday);
        var capture = new TelemetryCapture();
        await using var app = await TestApp.CreateAsync(azurite,
            new Dictionary<string, string?> { ["Digest:SchedulerEnabled"] = "false" },
            configure: b => { capture.AttachTo(b); b.Services.AddSingleton<TimeProvider>(clock); });
        capture.Bind(app.Services);
        await app.WaitUntilHealthyAsync();
        var lastWeek = DigestHarness.Week47Monday.AddDays(-7);
        connector.Block("19:blocked@thread.tacv2");
        foreach (var channel in new[] { "19:open@thread.tacv2", "19:blocked@thread.tacv2" })
            await app.Get<DigestSubscriptionStore>().SaveAsync(DigestHarness.Subscription(connector.ServiceUrl, channel, lastWeek), CancellationToken.None);

        var outcomes = await app.Get<DigestScheduler>().RunDueAsync(CancellationToken.None);

        Assert.Equal([DigestRunOutcome.Posted, DigestRunOutcome.Blocked], outcomes.Order());
        var metrics = capture.CollectMetrics();
        Assert.Equal(1, TelemetryCapture.Sum(metrics, "teamsbot.digest.posts", ("teamsbot.digest.outcome", "sent")));
        Assert.Equal(1, TelemetryCapture.Sum(metrics, "teamsbot.digest.posts", ("teamsbot.digest.outcome", "blocked")));
        Assert.Equal(2, TelemetryCapture.HistogramCount(metrics, "teamsbot.digest.post.duration"));
        var posts = capture.Spans.Where(s => s.OperationName == "digest.post" && s.Source.Name == "TeamsBot").ToList();
        Assert.Contains(posts, s => (string?)s.GetTagItem("teamsbot.digest.outcome") == "sent"
            && capture.Spans.Any(c => c.ParentSpanId == s.SpanId && ((string?)c.GetTagItem("url.full"))?.EndsWith("/v3/conversations", StringComparison.Ordinal) == true));
    }
}
