using Microsoft.Extensions.Time.Testing;
using TeamsBot.Digest;
using TeamsBot.Localization;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Digest;

/// <summary>
/// Starts the real app for brief tests on a fake clock (its timers fire only when the test moves it), the scheduler on or off.
/// </summary>
public static class DigestHarness
{
    /// <summary>Monday 16 November 2026 (ISO week 47), 10:00 UTC = 11:00 in Oslo.</summary>
    public static readonly DateTimeOffset Week47Monday = new(2026, 11, 16, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The plan coordinator who subscribes channels in these tests (the activities' default user).</summary>
    public static readonly TestUser Coordinator = TestUser.Kari;

    public static async Task<TestApp> StartAsync(
        AzuriteFixture azurite, FakeTimeProvider clock, bool scheduler = false, string? tablePrefix = null,
        IDictionary<string, string?>? settings = null, string? instanceId = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Digest:SchedulerEnabled"] = scheduler ? "true" : "false",
            ["Digest:PollInterval"] = "00:00:00.100",
            ["Digest:InstanceId"] = instanceId,
            ["BotConnector:BaseDelay"] = "00:00:00.050",
            // The fake clock can run far ahead of Azurite's real round trips: never let a slow heartbeat look like a dead instance.
            ["BotConnector:ShareExpiry"] = "01:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        var app = await TestApp.CreateAsync(azurite, config, tablePrefix: tablePrefix,
            configure: builder => builder.Services.AddSingleton<TimeProvider>(clock));
        await app.WaitUntilHealthyAsync();
        return app;
    }

    public static DigestSubscription Subscription(string serviceUrl, string channelId, DateTimeOffset createdAt, DigestSchedule? schedule = null) => new()
    {
        TenantId = TeamsActivities.TenantId,
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        TeamId = TeamsActivities.TeamId,
        Schedule = schedule ?? DigestSchedule.Default,
        Language = UserLanguage.Bokmal,
        CreatedAt = createdAt,
        CreatedBy = Coordinator.AadObjectId,
    };
}
