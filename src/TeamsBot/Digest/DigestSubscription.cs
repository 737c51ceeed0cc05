using TeamsBot.Localization;

namespace TeamsBot.Digest;

/// <summary>A channel's subscription to the weekly brief (DigestSubscriptions: PK tenant, RK channel id, both encoded).</summary>
public sealed record DigestSubscription
{
    public required string TenantId { get; init; }

    /// <summary>The channel's id (19:…@thread.tacv2); the brief starts a new thread there.</summary>
    public required string ChannelId { get; init; }

    public required string ServiceUrl { get; init; }
    public string? TeamId { get; init; }
    public required DigestSchedule Schedule { get; init; }
    public DigestFilter Filter { get; init; } = DigestFilter.None;
    public UserLanguage Language { get; init; } = UserLanguage.Bokmal;
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who subscribed (AAD object id or Teams id): the one to tell when the channel blocks the bot.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Set when Teams refused a post (bot blocked or removed); a new subscribe resumes it.</summary>
    public bool Paused { get; init; }

    public string? PausedReason { get; init; }

    /// <summary>When the last brief (scheduled or "brief nå") was posted: "changes since" starts here.</summary>
    public DateTimeOffset? LastBriefAt { get; init; }

    /// <summary>The last ISO week a scheduled brief was posted for; lets a poll skip the claim table.</summary>
    public string? LastPostedWeek { get; init; }

    /// <summary>Identifies the subscription in DigestRuns and in logs.</summary>
    public string Key => $"{TenantId}|{ChannelId}";
}

/// <summary>Optional narrowing of the brief to some plans and/or areas (ids); empty = everything.</summary>
public sealed record DigestFilter(IReadOnlyList<string> PlanIds, IReadOnlyList<string> AreaIds)
{
    public static readonly DigestFilter None = new([], []);

    public bool IsEmpty => PlanIds.Count == 0 && AreaIds.Count == 0;

    public bool Includes(string planId, string areaId) =>
        (PlanIds.Count == 0 || PlanIds.Contains(planId, StringComparer.Ordinal)) &&
        (AreaIds.Count == 0 || AreaIds.Contains(areaId, StringComparer.Ordinal));
}
