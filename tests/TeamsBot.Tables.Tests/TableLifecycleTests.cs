using TeamsBot.Tables.Tests.Infrastructure;
using TeamsBot.Testing;

namespace TeamsBot.Tables.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableLifecycleTests(AzuriteFixture azurite)
{
    private readonly TableServiceClient _service = new(azurite.ConnectionString);

    [Fact]
    public async Task Create_if_not_exists_twice_succeeds_both_times()
    {
        var name = AzuriteFixture.NewTableName();
        var first = await _service.CreateTableIfNotExistsAsync(name);
        var second = await _service.CreateTableIfNotExistsAsync(name);

        Assert.Equal(name, first.Value.Name);
        Assert.Equal(204, first.GetRawResponse().Status);
        Assert.Equal(409, second.GetRawResponse().Status);
        await _service.DeleteTableAsync(name);
    }

    [Fact]
    public async Task Deleted_table_refuses_entity_writes_with_TableNotFound()
    {
        var table = _service.GetTableClient(AzuriteFixture.NewTableName());
        await table.CreateIfNotExistsAsync();
        Assert.Equal(204, (await table.DeleteAsync()).Status);

        var e = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));
        Assert.Equal(404, e.Status);
        Assert.Equal("TableNotFound", e.ErrorCode);
    }

    [Fact]
    public async Task Deleting_a_missing_table_is_not_an_error()
    {
        var response = await _service.DeleteTableAsync(AzuriteFixture.NewTableName());
        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task Table_client_from_connection_string_and_from_endpoint_with_key_work_alike()
    {
        var name = AzuriteFixture.NewTableName();
        var fromConnectionString = new TableClient(azurite.ConnectionString, name);
        var fromKey = new TableClient(azurite.TableEndpoint, name,
            new TableSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey));

        await fromConnectionString.CreateIfNotExistsAsync();
        await fromKey.AddEntityAsync(new TableEntity("p", "r") { ["Title"] = "x" });
        var read = await fromConnectionString.GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal("x", read.Value.GetString("Title"));
        Assert.Equal(name, fromKey.Name);
        await fromKey.DeleteAsync();
    }

    [Fact]
    public async Task Wrong_account_key_is_refused_with_403()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var table = new TableClient(azurite.TableEndpoint, AzuriteFixture.NewTableName(),
            new TableSharedKeyCredential(AzuriteFixture.AccountName, wrongKey));

        var e = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => table.CreateIfNotExistsAsync());
        Assert.Equal(403, e.Status);
        Assert.Equal("AuthorizationFailure", e.ErrorCode);
        Assert.DoesNotContain(wrongKey, e.ToString());
    }
}
