using System.Diagnostics;

namespace TeamsBot.Graph.Tests;

public class ChannelTests
{
    private const string TeamId = "19b1c2d3-0000-4000-8000-00000000beef";

    [Fact]
    public async Task Lists_every_page_by_following_the_next_link()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        var next = $"{harness.Graph.BaseUrl}/teams/{TeamId}/channels?$skiptoken=page2";
        harness.Graph.On("GET", $"/teams/{TeamId}/channels", r => r.Query.Contains("$skiptoken=page2")
            ? FakeResponse.Ok("""{"value":[{"id":"19:c@thread.tacv2","displayName":"Nasjonal brief","membershipType":"standard"}]}""")
            : FakeResponse.Ok($$"""
                {"@odata.context":"x","@odata.nextLink":"{{next}}","value":[
                  {"id":"19:a@thread.tacv2","displayName":"Generelt","membershipType":"standard"},
                  {"id":"19:b@thread.tacv2","displayName":"Koordinatorer","membershipType":"private"}]}
                """));

        var result = await harness.Directory.ListChannelsAsync(TeamId);

        Assert.Equal(LookupStatus.Found, result.Status);
        Assert.Equal(["Generelt", "Koordinatorer", "Nasjonal brief"], result.Value!.Select(c => c.DisplayName));
        Assert.Equal("private", result.Value![1].MembershipType);
        Assert.Equal(2, harness.Graph.Count("GET", $"/teams/{TeamId}/channels"));
    }

    [Fact]
    public async Task Unknown_team_is_not_found()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", "/teams/nope/channels", FakeResponse.Error(404, "NotFound", "No team found with Group Id nope"));

        var result = await harness.Directory.ListChannelsAsync("nope");

        Assert.Equal(LookupStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Forbidden_names_the_permission_graph_asks_for()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", $"/teams/{TeamId}/channels", FakeResponse.Error(403, "Forbidden",
            "Missing role permissions on the request. API requires one of 'Channel.ReadBasic.All, ChannelSettings.Read.All'. Roles on the request ''."));

        var error = await Assert.ThrowsAsync<DirectoryException>(() => harness.Directory.ListChannelsAsync(TeamId));

        Assert.Equal("Channel.ReadBasic.All, ChannelSettings.Read.All", error.RequiredPermission);
        Assert.Contains("list the team's channels", error.Message);
    }

    [Fact]
    public async Task Throttling_honours_retry_after_then_succeeds()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.OnSequence("GET", $"/teams/{TeamId}/channels",
            FakeResponse.Error(429, "TooManyRequests", "Too many requests", new Dictionary<string, string> { ["Retry-After"] = "1" }),
            FakeResponse.Ok("""{"value":[{"id":"19:a@thread.tacv2","displayName":"Generelt","membershipType":"standard"}]}"""));
        var clock = Stopwatch.StartNew();

        var result = await harness.Directory.ListChannelsAsync(TeamId);

        Assert.True(result.IsFound);
        Assert.Equal(2, harness.Graph.Count("GET", $"/teams/{TeamId}/channels"));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Endless_throttling_gives_up_after_the_configured_retries()
    {
        await using var harness = await DirectoryHarness.StartAsync(maxRetries: 2);
        harness.Graph.On("GET", $"/teams/{TeamId}/channels",
            FakeResponse.Error(429, "TooManyRequests", "Too many requests", new Dictionary<string, string> { ["Retry-After"] = "1" }));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DirectoryException>(() => harness.Directory.ListChannelsAsync(TeamId));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(3, harness.Graph.Count("GET", $"/teams/{TeamId}/channels"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }
}
