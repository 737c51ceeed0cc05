using Microsoft.Extensions.Caching.Memory;
using Microsoft.Graph.Models;

namespace TeamsBot.Graph;

/// <summary>The app in a user's personal scope: installing it, and the 1:1 chat the bot then messages the user in.</summary>
public sealed partial class GraphDirectory
{
    // Installing the app for a user is the permission the deployment grants; it covers reading that installation and its chat.
    private const string PersonalAppPermission = "TeamsAppInstallation.ReadWriteSelfForUser.All";

    public async Task<AppInstallResult> EnsureAppInstalledForUserAsync(string userId, string teamsAppId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(teamsAppId))
        {
            return AppInstallResult.NotFound;
        }
        var key = $"installed:{userId}:{teamsAppId}".ToLowerInvariant();
        if (cache.TryGetValue(key, out AppInstallResult known))
        {
            return known;
        }
        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = $"{clients.BaseUrl}/appCatalogs/teamsApps/{Uri.EscapeDataString(teamsAppId)}",
            },
        };
        AppInstallResult result;
        try
        {
            await clients.Create().Users[userId].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: cancellationToken);
            result = AppInstallResult.Installed;
        }
        catch (Exception e) when (GraphFailures.IsStatus(e, 409))
        {
            result = AppInstallResult.AlreadyInstalled;
        }
        catch (Exception e) when (GraphFailures.IsStatus(e, 404))
        {
            return AppInstallResult.NotFound;
        }
        catch (Exception e) when (GraphFailures.IsGraphFailure(e))
        {
            throw GraphFailures.ToDirectoryException(e, "install the app for the user", PersonalAppPermission);
        }
        // Either way the app is there now; remember that as "already installed" for later calls, and forget an
        // earlier "no personal chat" so the chat is looked up afresh.
        cache.Set(key, AppInstallResult.AlreadyInstalled, options.CacheDuration);
        cache.Remove(PersonalChatKey(userId, teamsAppId));
        return result;
    }

    public async Task<DirectoryResult<PersonalChat>> FindPersonalChatAsync(string userId, string teamsAppId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(teamsAppId))
        {
            return DirectoryResult<PersonalChat>.NotFound;
        }
        return await CachedAsync(PersonalChatKey(userId, teamsAppId), r => r.IsFound, async () =>
        {
            var graph = clients.Create();
            var installations = await CallAsync("read the app's installation for the user", PersonalAppPermission,
                async () => await graph.Users[userId].Teamwork.InstalledApps.GetAsync(r =>
                {
                    r.QueryParameters.Expand = ["teamsApp"];
                    r.QueryParameters.Filter = $"teamsApp/id eq '{ODataString(teamsAppId)}'";
                }, cancellationToken),
                () => null);
            if (installations?.Value is not [{ Id: { } installationId }, ..])
            {
                return DirectoryResult<PersonalChat>.NotFound;
            }
            var chat = await CallAsync("read the user's chat with the app", PersonalAppPermission,
                async () => await graph.Users[userId].Teamwork.InstalledApps[installationId].Chat.GetAsync(
                    r => r.QueryParameters.Select = ["id"], cancellationToken),
                () => null);
            return chat?.Id is { Length: > 0 } chatId
                ? DirectoryResult<PersonalChat>.Found(new PersonalChat(chatId, installationId))
                : DirectoryResult<PersonalChat>.NotFound;
        });
    }

    private static string PersonalChatKey(string userId, string teamsAppId) => $"personalchat:{userId}:{teamsAppId}".ToLowerInvariant();
}
