using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework.Connector.Sharing;
using TeamsBot.Storage;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Throttling;

namespace TeamsBot.Tests.Throttling;

/// <summary>The RateShares table on Azurite: what the heartbeat relies on from the store.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableTenantBudgetStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TableServiceClient _service = new(azurite.ConnectionString);
    private readonly StorageOptions _options = new() { TablePrefix = AzuriteFixture.NewTableName("r")[..10] };
    private TableTenantBudgetStore _store = null!;

    public async Task InitializeAsync()
    {
        await _service.GetTableClient(_options.TableName(TableTenantBudgetStore.TableName)).CreateIfNotExistsAsync();
        _store = new TableTenantBudgetStore(_service, Options.Create(_options));
    }

    public async Task DisposeAsync() => await _service.GetTableClient(_options.TableName(TableTenantBudgetStore.TableName)).DeleteAsync();

    [Fact]
    public async Task Rows_come_back_as_written_one_per_instance_whatever_characters_their_ids_hold()
    {
        await _store.WriteAsync(new TenantBudgetRow("web/0 #1", 1, []), CancellationToken.None);
        await _store.WriteAsync(new TenantBudgetRow("web-1", 7, ["web/0 #1", "odd id?%"]), CancellationToken.None);
        await _store.WriteAsync(new TenantBudgetRow("web/0 #1", 2, ["web-1"]), CancellationToken.None);

        var rows = (await _store.ListAsync(CancellationToken.None)).OrderBy(r => r.InstanceId, StringComparer.Ordinal).ToList();

        Assert.Equal(["web-1", "web/0 #1"], rows.Select(r => r.InstanceId));
        Assert.Equal([7L, 2L], rows.Select(r => r.Beat));
        Assert.Equal(["web/0 #1", "odd id?%"], rows[0].Acknowledged);
        Assert.Equal(["web-1"], rows[1].Acknowledged);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.Version)));
    }

    [Fact]
    public async Task A_row_is_deleted_only_as_it_was_read_so_an_instance_that_beat_meanwhile_stays()
    {
        await _store.WriteAsync(new TenantBudgetRow("slow", 1, []), CancellationToken.None);
        var read = Assert.Single(await _store.ListAsync(CancellationToken.None));
        await _store.WriteAsync(new TenantBudgetRow("slow", 2, []), CancellationToken.None); // it beat after all

        await _store.DeleteAsync(read, CancellationToken.None);
        var current = Assert.Single(await _store.ListAsync(CancellationToken.None));
        Assert.Equal(2, current.Beat);

        await _store.DeleteAsync(current, CancellationToken.None);
        Assert.Empty(await _store.ListAsync(CancellationToken.None));
        await _store.DeleteAsync(current, CancellationToken.None); // gone already: nothing to do, no error
    }
}
