using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace TeamsBot.Graph;

/// <summary>The people of a group, nested groups included: how an owner unit's Entra group becomes its members.</summary>
public sealed partial class GraphDirectory
{
    // The largest page Graph serves for directory objects: an owner unit's group is listed in few round trips.
    private const int MembersPageSize = 999;
    private const string ConsistencyLevel = "ConsistencyLevel";
    private const string Eventual = "eventual";

    public async Task<DirectoryResult<IReadOnlyList<DirectoryUser>>> ListUsersInGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(groupId))
        {
            return DirectoryResult<IReadOnlyList<DirectoryUser>>.NotFound;
        }
        return await CachedAsync($"groupusers:{groupId}".ToLowerInvariant(), r => r.IsFound, async () =>
        {
            var graph = clients.Create();
            return await CallAsync("list the group's members", "GroupMember.Read.All", async () =>
            {
                // The microsoft.graph.user cast (users only, nested groups flattened) is an advanced query:
                // Graph requires ConsistencyLevel: eventual and $count=true with it, on every page.
                var first = await graph.Groups[groupId].TransitiveMembers.GraphUser.GetAsync(r =>
                {
                    r.QueryParameters.Select = UserFields;
                    r.QueryParameters.Count = true;
                    r.QueryParameters.Top = MembersPageSize;
                    r.Headers.Add(ConsistencyLevel, Eventual);
                }, cancellationToken);
                if (first is null)
                {
                    return DirectoryResult<IReadOnlyList<DirectoryUser>>.NotFound;
                }
                var users = new List<DirectoryUser>();
                var pages = PageIterator<User, UserCollectionResponse>.CreatePageIterator(graph, first, user =>
                {
                    users.Add(ToUser(user));
                    return true;
                }, WithEventualConsistency);
                await pages.IterateAsync(cancellationToken);
                return DirectoryResult<IReadOnlyList<DirectoryUser>>.Found(users);
            }, () => DirectoryResult<IReadOnlyList<DirectoryUser>>.NotFound);
        });
    }

    private static RequestInformation WithEventualConsistency(RequestInformation request)
    {
        request.Headers.TryAdd(ConsistencyLevel, Eventual);
        return request;
    }
}
