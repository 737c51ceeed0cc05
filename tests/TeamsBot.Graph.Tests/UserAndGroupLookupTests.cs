namespace TeamsBot.Graph.Tests;

public class UserAndGroupLookupTests
{
    private const string Anna = """{"id":"11111111-aaaa-4bbb-8ccc-000000000001","displayName":"Anna Berg","mail":"anna.berg@politiet.example","userPrincipalName":"anna.berg@politiet.example"}""";

    [Fact]
    public async Task Finds_a_user_by_user_principal_name_with_the_app_token()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", "/users/anna.berg@politiet.example", FakeResponse.Ok(Anna));

        var result = await harness.Directory.FindUserAsync("anna.berg@politiet.example");

        Assert.Equal(LookupStatus.Found, result.Status);
        Assert.Equal(new DirectoryUser("11111111-aaaa-4bbb-8ccc-000000000001", "Anna Berg", "anna.berg@politiet.example", "anna.berg@politiet.example"), result.Value);
        var request = Assert.Single(harness.Graph.Requests);
        Assert.Contains("$select=id,displayName,mail,userPrincipalName", request.Query);
        Assert.Equal(["https://graph.microsoft.com/.default"], harness.Credential.Scopes.Distinct());
    }

    [Fact]
    public async Task Falls_back_to_a_mail_filter_when_the_address_is_not_a_user_principal_name()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", "/users", r => r.Query.Contains("mail eq 'anna.berg@politiet.example'", StringComparison.OrdinalIgnoreCase)
            ? FakeResponse.Ok($$"""{"@odata.context":"x","value":[{{Anna}}]}""")
            : FakeResponse.Ok("""{"value":[]}"""));

        var result = await harness.Directory.FindUserAsync("Anna.Berg@politiet.example ");

        Assert.Equal("Anna Berg", result.Value?.DisplayName);
        Assert.Equal(1, harness.Graph.Count("GET", "/users/Anna.Berg@politiet.example"));
    }

    [Fact]
    public async Task Unknown_user_is_a_not_found_answer_and_quotes_are_escaped_in_the_filter()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", "/users", FakeResponse.Ok("""{"value":[]}"""));

        var result = await harness.Directory.FindUserAsync("o'neil@politiet.example");

        Assert.Equal(LookupStatus.NotFound, result.Status);
        Assert.Null(result.Value);
        Assert.Equal(
            ["userPrincipalName eq 'o''neil@politiet.example'", "mail eq 'o''neil@politiet.example'"],
            harness.Graph.Requests.Select(r => r.Query.Split("$filter=")[1].Split('&')[0]));
    }

    [Fact]
    public async Task A_second_lookup_is_served_from_the_cache()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", "/users/anna.berg@politiet.example", FakeResponse.Ok(Anna));

        await harness.Directory.FindUserAsync("anna.berg@politiet.example");
        var again = await harness.Directory.FindUserAsync("ANNA.BERG@politiet.example");

        Assert.True(again.IsFound);
        Assert.Single(harness.Graph.Requests);
    }

    [Fact]
    public async Task Finds_a_group_by_mail_and_refuses_an_ambiguous_display_name()
    {
        await using var harness = await DirectoryHarness.StartAsync();
        harness.Graph.On("GET", "/groups", r => r.Query.Contains("mail eq 'tiltak-koordinatorer@politiet.example'")
            ? FakeResponse.Ok("""{"value":[{"id":"g-1","displayName":"Tiltakskoordinatorer","mail":"tiltak-koordinatorer@politiet.example"}]}""")
            : r.Query.Contains("displayName eq 'Ledere'")
                ? FakeResponse.Ok("""{"value":[{"id":"g-2","displayName":"Ledere","mail":null},{"id":"g-3","displayName":"Ledere","mail":null}]}""")
                : FakeResponse.Ok("""{"value":[]}"""));

        var byMail = await harness.Directory.FindGroupAsync("tiltak-koordinatorer@politiet.example");
        var byName = await harness.Directory.FindGroupAsync("Ledere");
        var missing = await harness.Directory.FindGroupAsync("Finnes ikke");

        Assert.Equal(new DirectoryGroup("g-1", "Tiltakskoordinatorer", "tiltak-koordinatorer@politiet.example"), byMail.Value);
        Assert.Equal(LookupStatus.Ambiguous, byName.Status);
        Assert.Equal(LookupStatus.NotFound, missing.Status);
    }
}
