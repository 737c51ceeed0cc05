using System.Diagnostics.CodeAnalysis;

namespace TeamsBot.Graph;

/// <summary>A person in Entra ID, as the bot needs to name and address them.</summary>
public sealed record DirectoryUser(string Id, string DisplayName, string? Mail, string UserPrincipalName);

/// <summary>An Entra ID group (security or Microsoft 365), used for roles.</summary>
public sealed record DirectoryGroup(string Id, string DisplayName, string? Mail);

/// <summary>A channel in a team; MembershipType is "standard", "private" or "shared".</summary>
public sealed record DirectoryChannel(string Id, string DisplayName, string? MembershipType);

/// <summary>
/// The 1:1 chat between a user and the app, from the app's personal installation. ChatId is the conversation id the
/// bot sends to ("19:…@unq.gbl.spaces"); InstallationId is the user-scope installation it belongs to.
/// </summary>
public sealed record PersonalChat(string ChatId, string InstallationId);

public enum LookupStatus
{
    Found,
    NotFound,
    /// <summary>Several directory objects match (e.g. two groups with one display name); the caller must be more specific.</summary>
    Ambiguous,
    /// <summary>Microsoft Graph is not configured: callers fall back to plan data and the Roles table.</summary>
    NotConfigured,
}

/// <summary>The answer to a lookup: a status and, when found, the value.</summary>
[SuppressMessage("Design", "CA1000", Justification = "Callers name the result they make, DirectoryResult<DirectoryUser>.NotFound, which reads better than a factory class beside it.")]
public sealed record DirectoryResult<T>(LookupStatus Status, T? Value) where T : class
{
    public static DirectoryResult<T> Found(T value) => new(LookupStatus.Found, value);
    public static DirectoryResult<T> NotFound { get; } = new(LookupStatus.NotFound, null);
    public static DirectoryResult<T> Ambiguous { get; } = new(LookupStatus.Ambiguous, null);
    public static DirectoryResult<T> NotConfigured { get; } = new(LookupStatus.NotConfigured, null);

    public bool IsFound => Status == LookupStatus.Found;
}

public enum AppInstallResult
{
    Installed,
    AlreadyInstalled,
    /// <summary>The user, or the app in the organisation's catalog, does not exist.</summary>
    NotFound,
    NotConfigured,
}
