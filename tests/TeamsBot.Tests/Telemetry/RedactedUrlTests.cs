using TeamsBot.Telemetry;

namespace TeamsBot.Tests.Telemetry;

/// <summary>URLs in spans keep host and route words; queries, ids, mail addresses and Tables keys go.</summary>
public sealed class RedactedUrlTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/v3/conversations/a%3A1xYz-personal/activities/1690000000000",
        "https://smba.trafficmanager.net/teams/v3/conversations/*/activities/*")]
    [InlineData("https://smba.trafficmanager.net/teams/v3/conversations/19%3Aabc%40thread.tacv2/pagedmembers?pageSize=50&continuationToken=abc",
        "https://smba.trafficmanager.net/teams/v3/conversations/*/pagedmembers")]
    [InlineData("https://st.table.core.windows.net/Roles(PartitionKey='role',RowKey='11111111-1111-1111-1111-111111111111')",
        "https://st.table.core.windows.net/Roles(*)")]
    [InlineData("https://st.table.core.windows.net/Measures()?$filter=PartitionKey%20eq%20'25-juni'%20and%20UpdatedBy%20eq%20'Kari'",
        "https://st.table.core.windows.net/Measures()")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/$batch", "http://127.0.0.1:10002/devstoreaccount1/$batch")]
    [InlineData("https://graph.microsoft.com/v1.0/users/kari.nordmann@politiet.no/teamwork/installedApps?$expand=teamsApp",
        "https://graph.microsoft.com/v1.0/users/*/teamwork/installedApps")]
    [InlineData("https://graph.microsoft.com/v1.0/users?$filter=mail%20eq%20'kari@politiet.no'", "https://graph.microsoft.com/v1.0/users")]
    [InlineData("https://login.microsoftonline.com/3f2a9c1e-8b7d-4c6a-9e5f-1a2b3c4d5e6f/oauth2/v2.0/token",
        "https://login.microsoftonline.com/*/oauth2/v2.0/token")]
    [InlineData("http://169.254.169.254/metadata/identity/oauth2/token?api-version=2019-08-01&resource=https://api.botframework.com&client_id=abc",
        "http://169.254.169.254/metadata/identity/oauth2/token")]
    [InlineData("https://user:secret@example.org/path#section", "https://example.org/path")]
    public void Absolute_URLs_keep_scheme_host_port_and_route_words_only(string url, string expected) =>
        Assert.Equal(expected, RedactedUrl.Of(url));

    [Theory]
    [InlineData("/api/messages", "/api/messages")]
    [InlineData("/api/messages?token=abc", "/api/messages")]
    [InlineData("/healthz#x", "/healthz")]
    [InlineData("/users/kari@politiet.no", "/users/*")]
    public void Paths_lose_their_query_and_data_segments(string path, string expected) =>
        Assert.Equal(expected, RedactedUrl.Path(path));
}
