namespace TeamsBot.Access;

/// <summary>Whether a user may edit a measure, and if not, why; the caller words the reason for the user.</summary>
public enum EditDecision
{
    Allowed,

    /// <summary>Roles are in use and the user has none.</summary>
    NoRole,

    /// <summary>The user's roles cover neither the measure's plan (coordinator) nor one of its owners (owner).</summary>
    NotResponsible,
}
