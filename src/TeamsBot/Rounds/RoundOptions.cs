namespace TeamsBot.Rounds;

/// <summary>Settings under "Rounds": reminders, working hours, the poller, and how to reach owners without a chat.</summary>
public sealed record RoundOptions
{
    public const string Section = "Rounds";

    public bool SchedulerEnabled { get; init; } = true;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed send is this instance's before another may take it over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>After a failed send, when the claim may be tried again (here or on another instance).</summary>
    public TimeSpan RetryFailedAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Days before the deadline a reminder goes to owners who have not answered (default 3 and 1).</summary>
    public int[] ReminderDaysBefore { get; init; } = [3, 1];

    /// <summary>Working hours in Oslo, on working days; a reminder due outside them goes at the next start.</summary>
    public TimeOnly WorkStart { get; init; } = new(8, 0);

    public TimeOnly WorkEnd { get; init; } = new(16, 0);

    /// <summary>Extra days off (yyyy-MM-dd) beside weekends and Norwegian public holidays.</summary>
    public string[] ExtraHolidays { get; init; } = [];

    /// <summary>The app's id in the organisation's catalog: needed to install it for an owner without a chat (Graph).</summary>
    public string? TeamsAppId { get; init; }

    /// <summary>Where new personal chats are created when the owner has none (Teams' proactive default).</summary>
    public string ServiceUrl { get; init; } = "https://smba.trafficmanager.net/teams/";
}
