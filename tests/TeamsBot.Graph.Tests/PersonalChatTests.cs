using System.Diagnostics;

namespace TeamsBot.Graph.Tests;

public class PersonalChatTests
{
    private const string UserId = "f32b83bb-4fc8-4db7-b7f5-76cdbbb8aa1c";
    private const string CatalogAppId = "e3c0a1b2-5555-4666-8777-000000000abc";
    private const string InstallationId = "ZjMyYjgzYmItNGZjOC00ZGI3LWI3ZjUtNzZjZGJiYjhhYTFjIyNlM2MwYTFiMi01NTU1LTQ2NjYtODc3Ny0wMDAwMDAwMDBhYmM=";
    private const string ChatId = "19:e3c0a1b2-5555-4666-8777-000000000abc_f32b83bb-4fc8-4db7-b7f5-76cdbbb8aa1c@unq.gbl.spaces";
    private static readonly string InstalledApps = $"/users/{UserId}/teamwork/installedApps";
    private static readonly string Chat = $"/users/{UserId}/teamwork/installedApps/{InstallationId}/chat";

    // Graph's shape for installedApps?$expand=teamsApp: the installation id, and the app from the organisation's catalog.
    private static FakeResponse Installations(params string[] ids) =>
        FakeResponse.Ok($$"""{"@odata.context":"x","value":[{{string.Join(",", ids.Select(Installation))}}]}""");

    private static string Installation(string id) => $$$"""
        {"id":"{{{id}}}","teamsApp":{"id":"{{{CatalogAppId}}}","externalId":"2b9f8c0e-1111-4222-8333-000000000001","displayName":"TeamsBot","distributionMethod":"organization"}}
        """;

    private static FakeResponse TheChat() => FakeResponse.Ok($$"""{"@odata.context":"x/$metadata#chats/$entity","id":"{{ChatId}}"}""");

    [Fact]
    public async Task Finds_the_chat_of_the_apps_installation_for_the_user_and_remembers_it()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", InstalledApps, r => r.Query.Contains($"$filter=teamsApp/id eq '{CatalogAppId}'") && r.Query.Contains("$expand=teamsApp")
            ? Installations(InstallationId)
            : Installations());
        harness.Graph.On("GET", Chat, TheChat());

        var result = await harness.Directory.FindPersonalChatAsync(UserId, CatalogAppId);
        var again = await harness.Directory.FindPersonalChatAsync(UserId, CatalogAppId);

        Assert.Equal(new PersonalChat(ChatId, InstallationId), result.Value);
        Assert.Equal(result, again);
        Assert.Equal(["GET " + InstalledApps, "GET " + Chat], harness.Graph.Requests.Select(r => $"{r.Method} {r.Path[5..]}"));
    }

    [Fact]
    public async Task An_app_not_installed_for_the_user_has_no_chat_and_the_chat_is_not_asked_for()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", InstalledApps, Installations());

        var result = await harness.Directory.FindPersonalChatAsync(UserId, CatalogAppId);

        Assert.Equal(LookupStatus.NotFound, result.Status);
        Assert.Equal(0, harness.Graph.Count("GET", Chat));
    }

    [Fact]
    public async Task Unknown_user_is_a_not_found_answer()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", InstalledApps, FakeResponse.Error(404, "NotFound", "Failed to find user."));

        Assert.Equal(LookupStatus.NotFound, (await harness.Directory.FindPersonalChatAsync(UserId, CatalogAppId)).Status);
    }

    [Fact]
    public async Task A_quote_in_the_app_id_is_escaped_in_the_filter()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", InstalledApps, Installations());

        await harness.Directory.FindPersonalChatAsync(UserId, "app'x");

        Assert.Contains("$filter=teamsApp/id eq 'app''x'", Assert.Single(harness.Graph.Requests).Query);
    }

    [Fact]
    public async Task Installing_the_app_forgets_an_earlier_no_chat_answer()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", InstalledApps, Installations());
        Assert.Equal(LookupStatus.NotFound, (await harness.Directory.FindPersonalChatAsync(UserId, CatalogAppId)).Status);

        harness.Graph.On("POST", InstalledApps, new FakeResponse(201));
        harness.Graph.On("GET", InstalledApps, Installations(InstallationId));
        harness.Graph.On("GET", Chat, TheChat());
        Assert.Equal(AppInstallResult.Installed, await harness.Directory.EnsureAppInstalledForUserAsync(UserId, CatalogAppId));
        var result = await harness.Directory.FindPersonalChatAsync(UserId, CatalogAppId);

        Assert.Equal(ChatId, result.Value?.ChatId);
    }

    [Fact]
    public async Task Missing_installation_permission_throws_naming_it()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", InstalledApps, FakeResponse.Error(403, "Forbidden", "Missing role permissions on the request."));

        var error = await Assert.ThrowsAsync<DirectoryException>(() => harness.Directory.FindPersonalChatAsync(UserId, CatalogAppId));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("TeamsAppInstallation.ReadWriteSelfForUser.All", error.RequiredPermission);
        Assert.Contains("read the app's installation for the user", error.Message);
    }

    [Fact]
    public async Task A_refused_chat_read_names_the_permission_graph_asks_for()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", InstalledApps, Installations(InstallationId));
        harness.Graph.On("GET", Chat, FakeResponse.Error(403, "Forbidden",
            "Missing role permissions on the request. API requires one of 'TeamsAppInstallation.ReadForUser.All, TeamsAppInstallation.ReadWriteSelfForUser.All'. Roles on the request ''."));

        var error = await Assert.ThrowsAsync<DirectoryException>(() => harness.Directory.FindPersonalChatAsync(UserId, CatalogAppId));

        Assert.Equal("TeamsAppInstallation.ReadForUser.All, TeamsAppInstallation.ReadWriteSelfForUser.All", error.RequiredPermission);
        Assert.Contains("read the user's chat with the app", error.Message);
    }

    [Fact]
    public async Task Throttling_honours_retry_after_then_finds_the_chat()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", InstalledApps, Installations(InstallationId));
        harness.Graph.OnSequence("GET", Chat,
            FakeResponse.Error(429, "TooManyRequests", "Too many requests", new Dictionary<string, string> { ["Retry-After"] = "1" }),
            TheChat());
        var clock = Stopwatch.StartNew();

        var result = await harness.Directory.FindPersonalChatAsync(UserId, CatalogAppId);

        Assert.Equal(ChatId, result.Value?.ChatId);
        Assert.Equal(2, harness.Graph.Count("GET", Chat));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }
}
