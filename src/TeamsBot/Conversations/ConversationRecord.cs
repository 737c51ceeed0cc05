namespace TeamsBot.Conversations;

/// <summary>Where the bot is installed and how to reach it again (from install events).</summary>
public sealed record ConversationRecord
{
    public required string TenantId { get; init; }
    public required string ConversationId { get; init; }
    public required string ServiceUrl { get; init; }
    /// <summary>personal, channel or groupChat, as Teams says.</summary>
    public required string ConversationType { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public string? ChannelId { get; init; }
    public string? Locale { get; init; }
    /// <summary>Who installed it: the Entra object id when Teams sent one, else the Teams id.</summary>
    public string? InstalledBy { get; init; }
    /// <summary>The installer's Teams id (29:…), so a personal chat is found by either id.</summary>
    public string? InstalledByTeamsId { get; init; }
    public bool Active { get; init; } = true;
    public DateTimeOffset UpdatedAt { get; init; }
}
