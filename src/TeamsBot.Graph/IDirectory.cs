namespace TeamsBot.Graph;

/// <summary>
/// What the bot asks of the organisation's directory (Microsoft Graph, app-only). "Not found" is an answer, not an
/// exception; a missing permission or an unreachable Graph throws <see cref="DirectoryException"/>.
/// </summary>
public interface IDirectory
{
    /// <summary>False when Graph is not configured (<see cref="NullDirectory"/>).</summary>
    bool IsConfigured { get; }

    /// <summary>Finds a user by user principal name or mail address.</summary>
    Task<DirectoryResult<DirectoryUser>> FindUserAsync(string mailOrUserPrincipalName, CancellationToken cancellationToken = default);

    /// <summary>Finds a group by mail address or exact display name.</summary>
    Task<DirectoryResult<DirectoryGroup>> FindGroupAsync(string mailOrDisplayName, CancellationToken cancellationToken = default);

    /// <summary>True when the user is a member of the group, directly or through nested groups.</summary>
    Task<bool> IsMemberOfGroupAsync(string userId, string groupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every user in the group, directly or through nested groups (every page); member groups, devices and service
    /// principals are left out. Maps an owner unit's Entra group to its people.
    /// </summary>
    Task<DirectoryResult<IReadOnlyList<DirectoryUser>>> ListUsersInGroupAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>All channels of a team (every page).</summary>
    Task<DirectoryResult<IReadOnlyList<DirectoryChannel>>> ListChannelsAsync(string teamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Installs the app in the user's personal scope so the bot can message them proactively. teamsAppId is the id of the
    /// app in the organisation's app catalog (not necessarily the manifest id). Already installed counts as success.
    /// </summary>
    Task<AppInstallResult> EnsureAppInstalledForUserAsync(string userId, string teamsAppId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The user's 1:1 chat with the app, for messaging them proactively. Not found when the app is not installed in the
    /// user's personal scope (call <see cref="EnsureAppInstalledForUserAsync"/> first) or the user does not exist.
    /// teamsAppId is the app's id in the organisation's app catalog, as for the installation.
    /// </summary>
    Task<DirectoryResult<PersonalChat>> FindPersonalChatAsync(string userId, string teamsAppId, CancellationToken cancellationToken = default);
}
