namespace TeamsBot.Graph.Tests;

public class AppInstallationTests
{
    private const string UserId = "11111111-aaaa-4bbb-8ccc-000000000001";
    private const string CatalogAppId = "e3c0a1b2-5555-4666-8777-000000000abc";
    private static readonly string Path = $"/users/{UserId}/teamwork/installedApps";

    [Fact]
    public async Task Installs_the_app_from_the_catalog_for_the_user()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("POST", Path, new FakeResponse(201));

        var result = await harness.Directory.EnsureAppInstalledForUserAsync(UserId, CatalogAppId);

        Assert.Equal(AppInstallResult.Installed, result);
        var request = Assert.Single(harness.Graph.Requests);
        Assert.Contains($"\"teamsApp@odata.bind\":\"{harness.Graph.BaseUrl}/appCatalogs/teamsApps/{CatalogAppId}\"", request.Body);
    }

    [Fact]
    public async Task Conflict_means_already_installed_and_is_success()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("POST", Path, FakeResponse.Error(409, "Conflict", "App is already installed."));

        var result = await harness.Directory.EnsureAppInstalledForUserAsync(UserId, CatalogAppId);

        Assert.Equal(AppInstallResult.AlreadyInstalled, result);
    }

    [Fact]
    public async Task A_known_installation_is_not_posted_again()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("POST", Path, new FakeResponse(201));

        await harness.Directory.EnsureAppInstalledForUserAsync(UserId, CatalogAppId);
        var second = await harness.Directory.EnsureAppInstalledForUserAsync(UserId, CatalogAppId);

        Assert.Equal(AppInstallResult.AlreadyInstalled, second);
        Assert.Equal(1, harness.Graph.Count("POST", Path));
    }

    [Fact]
    public async Task Unknown_user_or_app_is_not_found()
    {
        await using var harness = await DirectoryHarness.StartAsync();

        Assert.Equal(AppInstallResult.NotFound, await harness.Directory.EnsureAppInstalledForUserAsync(UserId, CatalogAppId));
    }

    [Fact]
    public async Task Missing_install_permission_throws_naming_it()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("POST", Path, FakeResponse.Error(403, "Forbidden", "Missing role permissions on the request."));

        var error = await Assert.ThrowsAsync<DirectoryException>(() => harness.Directory.EnsureAppInstalledForUserAsync(UserId, CatalogAppId));

        Assert.Equal("TeamsAppInstallation.ReadWriteSelfForUser.All", error.RequiredPermission);
    }
}
