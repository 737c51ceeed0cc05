namespace TeamsBot.Graph.Tests;

public class MembershipTests
{
    private const string UserId = "11111111-aaaa-4bbb-8ccc-000000000001";

    [Fact]
    public async Task Membership_is_checked_transitively_with_checkMemberGroups()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("POST", $"/users/{UserId}/checkMemberGroups", r => FakeResponse.Ok(
            r.Body.Contains("\"group-nested\"") ? """{"value":["group-nested"]}""" : """{"value":[]}"""));

        Assert.True(await harness.Directory.IsMemberOfGroupAsync(UserId, "group-nested"));
        Assert.False(await harness.Directory.IsMemberOfGroupAsync(UserId, "group-other"));
        Assert.Contains(harness.Graph.Requests, r => r.Body.Contains("\"groupIds\"") && r.Body.Contains("group-nested"));
    }

    [Fact]
    public async Task Membership_answers_are_cached()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("POST", $"/users/{UserId}/checkMemberGroups", FakeResponse.Ok("""{"value":["g"]}"""));

        await harness.Directory.IsMemberOfGroupAsync(UserId, "g");
        await harness.Directory.IsMemberOfGroupAsync(UserId, "g");

        Assert.Equal(1, harness.Graph.Count("POST", $"/users/{UserId}/checkMemberGroups"));
    }

    [Fact]
    public async Task An_unknown_user_is_a_member_of_nothing()
    {
        await using var harness = await DirectoryHarness.StartAsync();

        Assert.False(await harness.Directory.IsMemberOfGroupAsync("no-such-user", "g"));
    }

    [Fact]
    public async Task Missing_directory_permission_throws_naming_the_permission_to_grant()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("POST", $"/users/{UserId}/checkMemberGroups",
            FakeResponse.Error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."));

        var error = await Assert.ThrowsAsync<DirectoryException>(() => harness.Directory.IsMemberOfGroupAsync(UserId, "g"));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("Authorization_RequestDenied", error.GraphErrorCode);
        Assert.Equal("GroupMember.Read.All and User.Read.All", error.RequiredPermission);
        Assert.Contains("grant the app the application permission GroupMember.Read.All and User.Read.All", error.Message);
    }
}
