using TeamsBot.Access;
using TeamsBot.Localization;

namespace TeamsBot.Rounds;

/// <summary>
/// A status round on one plan: every measure not implemented, to be reported on by its owner units by
/// <see cref="Deadline"/>. <see cref="ETag"/> guards closing: only one instance or coordinator closes a round.
/// </summary>
public sealed record Round
{
    public const string Open = "open";
    public const string Closed = "closed";

    public required string PlanId { get; init; }
    public required string Id { get; init; }
    public required DateOnly Deadline { get; init; }
    public string? Note { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string StartedBy { get; init; }
    public required string StartedByName { get; init; }
    public required string TenantId { get; init; }
    /// <summary>Where the coordinator started it: the summary goes there when the deadline closes the round.</summary>
    public required string CoordinatorConversationId { get; init; }
    public required string CoordinatorServiceUrl { get; init; }
    /// <summary>"personal", "groupChat" or "channel": the export is offered as a file only in a personal chat ("" on rounds from before it was kept).</summary>
    public string CoordinatorConversationType { get; init; } = "";
    public bool CoordinatorChatIsPersonal => CoordinatorConversationType == "personal";
    public required UserLanguage Language { get; init; }
    public string Status { get; init; } = Open;
    public DateTimeOffset? ClosedAt { get; init; }
    public string? ClosedBy { get; init; }
    /// <summary>Measures in the round that name no owner unit: listed for the coordinator.</summary>
    public IReadOnlyList<string> UnownedMeasureIds { get; init; } = [];
    public string ETag { get; init; } = "";

    public bool IsOpen => Status == Open;
}

/// <summary>One owner unit in a round: its measures and the people who answer for it (as resolved when the round started).</summary>
public sealed record RoundOwner(string RoundId, string Unit, IReadOnlyList<string> MeasureIds, IReadOnlyList<OwnerPerson> People);

