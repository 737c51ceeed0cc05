using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Storage;

/// <summary>The storage settings README.md promises, as the app reads them at start.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageConfigurationTests(AzuriteFixture azurite)
{
    private const string SecretKey = "c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWJlLWxvZ2dlZA==";

    private Task<TestApp> AppWith(string? connectionString, string? tableEndpoint = null, string? prefix = null) =>
        TestApp.CreateAsync(azurite, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TableEndpoint"] = tableEndpoint,
        }, start: false, tablePrefix: prefix);

    [Fact]
    public async Task UseDevelopmentStorage_means_Azurite_on_its_default_loopback_port()
    {
        await using var app = await AppWith("UseDevelopmentStorage=true");
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), app.Get<TableServiceClient>().Uri);
    }

    [Fact]
    public async Task A_full_connection_string_uses_its_TableEndpoint_and_the_prefix_names_every_table()
    {
        await using var app = await TestApp.CreateAsync(azurite); // starts: TableInitializer creates the tables

        var service = app.Get<TableServiceClient>();
        Assert.Equal(azurite.TableEndpoint.AbsoluteUri.TrimEnd('/'), service.Uri.AbsoluteUri.TrimEnd('/'));
        var names = new List<string>();
        await foreach (var table in service.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {app.TablePrefix} and TableName lt {app.TablePrefix + "~"}")))
            names.Add(table.Name);
        Assert.Contains(app.TablePrefix + "Measures", names);
        Assert.Contains(app.TablePrefix + "Plans", names);
        Assert.Contains(app.TablePrefix + "DigestSubscriptions", names);
    }

    [Fact]
    public async Task A_TableEndpoint_without_a_connection_string_is_reached_with_Entra_ID()
    {
        await using var app = await AppWith(null, "https://teamsbotprod.table.core.windows.net");
        var service = app.Get<TableServiceClient>();
        Assert.Equal(new Uri("https://teamsbotprod.table.core.windows.net"), service.Uri);
        Assert.Equal("teamsbotprod", service.AccountName);
    }

    public static TheoryData<string?, string?, string> Bad => new()
    {
        { "AccountName=teamsbot;AccountKey=!!not-base64!!", null, "the AccountKey is not valid base64" },
        { $"DefaultEndpointsProtocol=https;AccountName=teamsbot;AccountKey={SecretKey};TableEndpoint=not a url", null, "the TableEndpoint is not a valid URL" },
        { $"AccountKey={SecretKey}", null, "with an AccountName and an AccountKey" },
        { $"{SecretKey}", null, "with an AccountName and an AccountKey" },
        { null, "teamsbot.table.core.windows.net", "Storage:TableEndpoint must be an https URL" },
        { null, "http://teamsbot.table.core.windows.net", "Storage:TableEndpoint must be an https URL" },
        { null, null, "Storage is not configured" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public async Task A_bad_setting_stops_the_start_with_a_message_that_names_it_and_never_the_key(
        string? connectionString, string? tableEndpoint, string expected)
    {
        await using var app = await AppWith(connectionString ?? "", tableEndpoint);

        // Program runs this check (the host's ValidateOnStart) before anything starts and prints the failures alone.
        var e = Assert.Throws<OptionsValidationException>(() => app.Get<IStartupValidator>().Validate());
        var message = string.Join(" ", e.Failures);
        Assert.Contains(expected, message);
        Assert.DoesNotContain(SecretKey, message);
        Assert.DoesNotContain("!!not-base64!!", message);
    }

    [Fact]
    public async Task A_table_prefix_with_other_characters_than_letters_and_digits_is_refused()
    {
        await using var app = await AppWith(azurite.ConnectionString, prefix: "dev-1");
        var e = Assert.Throws<OptionsValidationException>(() => app.Get<IStartupValidator>().Validate());
        Assert.Contains("Storage:TablePrefix may only hold letters and digits.", e.Failures);
    }
}
