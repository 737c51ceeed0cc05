using Microsoft.Extensions.Caching.Memory;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.CheckMemberGroups;

namespace TeamsBot.Graph;

/// <summary>
/// The directory backed by Microsoft Graph (app-only). Answers are cached per instance. Group members and the
/// personal app (installation, chat) live in their own files.
/// </summary>
public sealed partial class GraphDirectory(GraphClientSource clients, IMemoryCache cache, GraphOptions options) : IDirectory
{
    private static readonly string[] UserFields = ["id", "displayName", "mail", "userPrincipalName"];
    private static readonly string[] GroupFields = ["id", "displayName", "mail"];
    private static readonly string[] ChannelFields = ["id", "displayName", "membershipType"];

    public bool IsConfigured => true;

    public async Task<DirectoryResult<DirectoryUser>> FindUserAsync(string mailOrUserPrincipalName, CancellationToken cancellationToken = default)
    {
        var key = mailOrUserPrincipalName.Trim();
        if (key.Length == 0 || key.Contains('/'))
        {
            return DirectoryResult<DirectoryUser>.NotFound;
        }
        return await CachedAsync($"user:{key.ToLowerInvariant()}", r => r.IsFound, async () =>
        {
            var graph = clients.Create();
            // Most people are found by UPN directly; mail differs from UPN for some, so fall back to a mail filter.
            // A UPN with an apostrophe does not work as a path segment, so that one is looked up with a filter too.
            if (!key.Contains('\''))
            {
                var byUpn = await CallAsync("read a user", "User.Read.All",
                    async () => await graph.Users[key].GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken),
                    () => null);
                if (byUpn is not null)
                {
                    return DirectoryResult<DirectoryUser>.Found(ToUser(byUpn));
                }
            }
            else if (await FindUsersAsync(graph, "userPrincipalName", key, cancellationToken) is { Status: not LookupStatus.NotFound } byUpnFilter)
            {
                return byUpnFilter;
            }
            return await FindUsersAsync(graph, "mail", key, cancellationToken);
        });
    }

    private static async Task<DirectoryResult<DirectoryUser>> FindUsersAsync(GraphServiceClient graph, string property, string value, CancellationToken cancellationToken)
    {
        var page = await CallAsync("search users", "User.Read.All",
            async () => await graph.Users.GetAsync(r =>
            {
                r.QueryParameters.Filter = $"{property} eq '{ODataString(value)}'";
                r.QueryParameters.Select = UserFields;
                r.QueryParameters.Top = 2;
            }, cancellationToken),
            () => null);
        return Single(page?.Value, ToUser);
    }

    public async Task<DirectoryResult<DirectoryGroup>> FindGroupAsync(string mailOrDisplayName, CancellationToken cancellationToken = default)
    {
        var key = mailOrDisplayName.Trim();
        if (key.Length == 0)
        {
            return DirectoryResult<DirectoryGroup>.NotFound;
        }
        return await CachedAsync($"group:{key.ToLowerInvariant()}", r => r.IsFound, async () =>
        {
            var graph = clients.Create();
            var filter = key.Contains('@') ? $"mail eq '{ODataString(key)}'" : $"displayName eq '{ODataString(key)}'";
            // Two results are enough to know a display name is ambiguous; a role must never attach to the wrong group.
            var page = await CallAsync("search groups", "GroupMember.Read.All",
                async () => await graph.Groups.GetAsync(r =>
                {
                    r.QueryParameters.Filter = filter;
                    r.QueryParameters.Select = GroupFields;
                    r.QueryParameters.Top = 2;
                }, cancellationToken),
                () => null);
            return Single(page?.Value, g => new DirectoryGroup(g.Id!, g.DisplayName ?? "", g.Mail));
        });
    }

    public async Task<bool> IsMemberOfGroupAsync(string userId, string groupId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(groupId))
        {
            return false;
        }
        var answer = await CachedAsync($"member:{userId}:{groupId}".ToLowerInvariant(), _ => true, async () =>
        {
            // checkMemberGroups is transitive: membership through nested groups counts.
            var response = await CallAsync("check group membership", "GroupMember.Read.All and User.Read.All",
                async () => await clients.Create().Users[userId].CheckMemberGroups.PostAsCheckMemberGroupsPostResponseAsync(
                    new CheckMemberGroupsPostRequestBody { GroupIds = [groupId] }, cancellationToken: cancellationToken),
                () => null);
            var isMember = response?.Value?.Contains(groupId, StringComparer.OrdinalIgnoreCase) ?? false;
            return new Membership(isMember);
        });
        return answer.IsMember;
    }

    public async Task<DirectoryResult<IReadOnlyList<DirectoryChannel>>> ListChannelsAsync(string teamId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(teamId))
        {
            return DirectoryResult<IReadOnlyList<DirectoryChannel>>.NotFound;
        }
        return await CachedAsync($"channels:{teamId}", r => r.IsFound, async () =>
        {
            var graph = clients.Create();
            return await CallAsync("list the team's channels", "Channel.ReadBasic.All", async () =>
            {
                var channels = new List<DirectoryChannel>();
                var first = await graph.Teams[teamId].Channels.GetAsync(r => r.QueryParameters.Select = ChannelFields, cancellationToken);
                if (first is null)
                {
                    return DirectoryResult<IReadOnlyList<DirectoryChannel>>.NotFound;
                }
                // The iterator follows @odata.nextLink until the last page.
                var pages = PageIterator<Channel, ChannelCollectionResponse>.CreatePageIterator(graph, first, channel =>
                {
                    channels.Add(new DirectoryChannel(channel.Id!, channel.DisplayName ?? "", channel.MembershipType?.ToString().ToLowerInvariant()));
                    return true;
                });
                await pages.IterateAsync(cancellationToken);
                return DirectoryResult<IReadOnlyList<DirectoryChannel>>.Found(channels);
            }, () => DirectoryResult<IReadOnlyList<DirectoryChannel>>.NotFound);
        });
    }

    private sealed record Membership(bool IsMember);

    private async Task<T> CachedAsync<T>(string key, Func<T, bool> isPositive, Func<Task<T>> load) where T : class
    {
        if (cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            return cached;
        }
        var value = await load();
        cache.Set(key, value, isPositive(value) ? options.CacheDuration : options.NotFoundCacheDuration);
        return value;
    }

    private static async Task<T> CallAsync<T>(string operation, string permission, Func<Task<T>> call, Func<T> onNotFound)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (GraphFailures.IsStatus(e, 404))
        {
            return onNotFound();
        }
        catch (Exception e) when (GraphFailures.IsGraphFailure(e))
        {
            throw GraphFailures.ToDirectoryException(e, operation, permission);
        }
    }

    private static DirectoryResult<TOut> Single<TIn, TOut>(List<TIn>? items, Func<TIn, TOut> map) where TOut : class =>
        items switch
        {
            null or [] => DirectoryResult<TOut>.NotFound,
            [var only] => DirectoryResult<TOut>.Found(map(only)),
            _ => DirectoryResult<TOut>.Ambiguous,
        };

    private static DirectoryUser ToUser(User user) =>
        new(user.Id!, user.DisplayName ?? user.UserPrincipalName ?? "", user.Mail, user.UserPrincipalName ?? "");

    // OData string literals escape a single quote by doubling it.
    private static string ODataString(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
