namespace TeamsBot.Graph;

/// <summary>
/// The directory when Microsoft Graph is not configured: owners keep the names written in the plan data, roles come
/// from the Roles table, and nobody is a member of any group.
/// </summary>
public sealed class NullDirectory : IDirectory
{
    public bool IsConfigured => false;

    public Task<DirectoryResult<DirectoryUser>> FindUserAsync(string mailOrUserPrincipalName, CancellationToken cancellationToken = default) =>
        Task.FromResult(DirectoryResult<DirectoryUser>.NotConfigured);

    public Task<DirectoryResult<DirectoryGroup>> FindGroupAsync(string mailOrDisplayName, CancellationToken cancellationToken = default) =>
        Task.FromResult(DirectoryResult<DirectoryGroup>.NotConfigured);

    public Task<bool> IsMemberOfGroupAsync(string userId, string groupId, CancellationToken cancellationToken = default) =>
        Task.FromResult(false);

    public Task<DirectoryResult<IReadOnlyList<DirectoryUser>>> ListUsersInGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
        Task.FromResult(DirectoryResult<IReadOnlyList<DirectoryUser>>.NotConfigured);

    public Task<DirectoryResult<IReadOnlyList<DirectoryChannel>>> ListChannelsAsync(string teamId, CancellationToken cancellationToken = default) =>
        Task.FromResult(DirectoryResult<IReadOnlyList<DirectoryChannel>>.NotConfigured);

    public Task<AppInstallResult> EnsureAppInstalledForUserAsync(string userId, string teamsAppId, CancellationToken cancellationToken = default) =>
        Task.FromResult(AppInstallResult.NotConfigured);

    public Task<DirectoryResult<PersonalChat>> FindPersonalChatAsync(string userId, string teamsAppId, CancellationToken cancellationToken = default) =>
        Task.FromResult(DirectoryResult<PersonalChat>.NotConfigured);
}
