namespace TeamsBot.Nudges;

/// <summary>Settings under "Nudges": the poller, how early the due-soon note goes, and whose chats to look in.</summary>
public sealed record NudgeOptions
{
    public const string Section = "Nudges";

    public bool SchedulerEnabled { get; init; } = true;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The due-soon note goes from this many days before the deadline (on the first working moment).</summary>
    public int DaysBefore { get; init; } = 7;

    /// <summary>
    /// Only deadlines passed within this many days get an overdue note, so that switching nudges on does not send a
    /// note for every measure that has been late for years.
    /// </summary>
    public int OverdueWithinDays { get; init; } = 14;

    /// <summary>The organisation's tenant, where owners' personal chats are registered (default: MicrosoftAppTenantId).</summary>
    public string? TenantId { get; init; }
}
