using Azure;
using TeamsBot.Tables.Tests.Infrastructure;
using TeamsBot.Testing;

namespace TeamsBot.Tables.Tests;

public sealed class SmokeTests(AzuriteFixture azurite) : TableTest(azurite)
{
    [Fact]
    public async Task Add_get_query_batch()
    {
        var add = await Table.AddEntityAsync(new NoteRow { PartitionKey = "p", RowKey = "a'b æøå x", Title = "t" });
        Assert.NotNull(add.Headers.ETag);
        var got = await Table.GetEntityAsync<TableEntity>("p", "a'b æøå x");
        Assert.Equal("t", got.Value.GetString("Title"));
        Assert.Equal(add.Headers.ETag, got.Value.ETag);
        var all = new List<NoteRow>();
        await foreach (var row in Table.QueryAsync<NoteRow>(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}"))) all.Add(row);
        Assert.Single(all);
        var tx = await Table.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.Add, new NoteRow { PartitionKey = "p", RowKey = "b" }),
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, new NoteRow { PartitionKey = "p", RowKey = "a'b æøå x", Order = 3 }, got.Value.ETag),
        ]);
        Assert.Equal(2, tx.Value.Count);
        Assert.All(tx.Value, r => Assert.NotNull(r.Headers.ETag));
    }
}
