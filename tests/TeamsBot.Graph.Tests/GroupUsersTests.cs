using System.Diagnostics;

namespace TeamsBot.Graph.Tests;

public class GroupUsersTests
{
    private const string GroupId = "02bd9fd6-8f93-4758-87c3-1fb73740a315";

    // The SDK's request builder spells the users-only cast with Graph's short alias (graph.user = microsoft.graph.user).
    private static readonly string Path = $"/groups/{GroupId}/transitiveMembers/graph.user";

    private static string User(int n, string name) =>
        $$"""{"id":"11111111-aaaa-4bbb-8ccc-00000000000{{n}}","displayName":"{{name}}","mail":"{{name.Replace(' ', '.').ToLowerInvariant()}}@politiet.example","userPrincipalName":"{{name.Replace(' ', '.').ToLowerInvariant()}}@politiet.example"}""";

    [Fact]
    public async Task Lists_every_user_of_the_group_and_its_nested_groups_page_by_page_with_eventual_consistency()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        var next = $"{harness.Graph.BaseUrl}{Path}?$count=true&$select=id,displayName,mail,userPrincipalName&$top=999&$skiptoken=RFNwdAIAAQAAAA";
        harness.Graph.On("GET", Path, r => r.Query.Contains("$skiptoken=RFNwdAIAAQAAAA")
            ? FakeResponse.Ok($$"""
                {"@odata.context":"{{harness.Graph.BaseUrl}}/$metadata#users(id,displayName,mail,userPrincipalName)","value":[{{User(3, "Kari Nordmann")}}]}
                """)
            : FakeResponse.Ok($$"""
                {"@odata.context":"{{harness.Graph.BaseUrl}}/$metadata#users(id,displayName,mail,userPrincipalName)","@odata.count":3,
                 "@odata.nextLink":"{{next}}","value":[{{User(1, "Anna Berg")}},{{User(2, "Ola Hansen")}}]}
                """));

        var result = await harness.Directory.ListUsersInGroupAsync(GroupId);

        Assert.Equal(LookupStatus.Found, result.Status);
        Assert.Equal(["Anna Berg", "Ola Hansen", "Kari Nordmann"], result.Value!.Select(u => u.DisplayName));
        Assert.Equal(new DirectoryUser("11111111-aaaa-4bbb-8ccc-000000000003", "Kari Nordmann", "kari.nordmann@politiet.example", "kari.nordmann@politiet.example"), result.Value![2]);
        var requests = harness.Graph.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("eventual", r.Headers.GetValueOrDefault("ConsistencyLevel")));
        Assert.Contains("$count=true", requests[0].Query);
        Assert.Contains("$select=id,displayName,mail,userPrincipalName", requests[0].Query);
        Assert.Contains("$top=999", requests[0].Query);
    }

    [Fact]
    public async Task A_second_listing_of_the_same_group_is_served_from_the_cache()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", Path, FakeResponse.Ok($$"""{"value":[{{User(1, "Anna Berg")}}]}"""));

        await harness.Directory.ListUsersInGroupAsync(GroupId);
        var again = await harness.Directory.ListUsersInGroupAsync(GroupId);

        Assert.Equal("Anna Berg", Assert.Single(again.Value!).DisplayName);
        Assert.Equal(1, harness.Graph.Count("GET", Path));
    }

    [Fact]
    public async Task A_group_without_users_is_found_and_empty()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", Path, FakeResponse.Ok("""{"@odata.count":0,"value":[]}"""));

        var result = await harness.Directory.ListUsersInGroupAsync(GroupId);

        Assert.Equal(LookupStatus.Found, result.Status);
        Assert.Empty(result.Value!);
    }

    [Fact]
    public async Task Unknown_group_is_a_not_found_answer()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", Path, FakeResponse.Error(404, "Request_ResourceNotFound",
            $"Resource '{GroupId}' does not exist or one of its queried reference-property objects are not present."));

        var result = await harness.Directory.ListUsersInGroupAsync(GroupId);

        Assert.Equal(LookupStatus.NotFound, result.Status);
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task Missing_group_member_permission_throws_naming_it()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", Path, FakeResponse.Error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."));

        var error = await Assert.ThrowsAsync<DirectoryException>(() => harness.Directory.ListUsersInGroupAsync(GroupId));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("GroupMember.Read.All", error.RequiredPermission);
        Assert.Contains("Microsoft Graph refused to list the group's members: grant the app the application permission GroupMember.Read.All", error.Message);
    }

    [Fact]
    public async Task Throttling_honours_retry_after_then_lists_the_users()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.OnSequence("GET", Path,
            FakeResponse.Error(429, "TooManyRequests", "Too many requests", new Dictionary<string, string> { ["Retry-After"] = "1" }),
            FakeResponse.Ok($$"""{"value":[{{User(1, "Anna Berg")}}]}"""));
        var clock = Stopwatch.StartNew();

        var result = await harness.Directory.ListUsersInGroupAsync(GroupId);

        Assert.Equal("Anna Berg", Assert.Single(result.Value!).DisplayName);
        Assert.Equal(2, harness.Graph.Count("GET", Path));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }
}
