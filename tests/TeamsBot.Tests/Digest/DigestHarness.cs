using TeamsBot.Digest;
using TeamsBot.Localization;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Digest;

/// <summary>Starts the real app for brief tests: a test-set wall clock, the scheduler on or off, seed plans imported.</summary>
public static class DigestHarness
{
    /// <summary>Monday 16 November 2026 (ISO week 47), 10:00 UTC = 11:00 in Oslo.</summary>
    public static readonly DateTimeOffset Week47Monday = new(2026, 11, 16, 10, 0, 0, TimeSpan.Zero);

    public static async Task<TestApp> StartAsync(
        AzuriteFixture azurite, ManualTimeProvider clock, bool scheduler = false, string? tablePrefix = null,
        IDictionary<string, string?>? settings = null, string? instanceId = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Digest:SchedulerEnabled"] = scheduler ? "true" : "false",
            ["Digest:PollInterval"] = "00:00:00.100",
            ["Digest:InstanceId"] = instanceId,
            ["BotConnector:BaseDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        var app = await TestApp.CreateAsync(azurite, config, tablePrefix: tablePrefix,
            configure: builder => builder.Services.AddSingleton<TimeProvider>(clock));
        await app.WaitUntilHealthyAsync();
        return app;
    }

    public static DigestSubscription Subscription(string serviceUrl, string channelId, DateTimeOffset createdAt, DigestSchedule? schedule = null) => new()
    {
        TenantId = Activities.Tenant,
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        TeamId = DigestActivities.TeamId,
        Schedule = schedule ?? DigestSchedule.Default,
        Language = UserLanguage.Bokmal,
        CreatedAt = createdAt,
        CreatedBy = DigestActivities.Coordinator,
    };
}
