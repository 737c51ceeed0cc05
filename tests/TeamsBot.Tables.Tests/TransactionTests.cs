using Azure;
using TeamsBot.Tables.Tests.Infrastructure;
using TeamsBot.Testing;

namespace TeamsBot.Tables.Tests;

public sealed class TransactionTests(AzuriteFixture azurite) : TableTest(azurite)
{
    private static TableTransactionAction Add(string pk, string rk, string title = "t") =>
        new(TableTransactionActionType.Add, new NoteRow { PartitionKey = pk, RowKey = rk, Title = title });

    private async Task<int> CountAsync(string partitionKey)
    {
        var count = 0;
        await foreach (var _ in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"))) count++;
        return count;
    }

    [Fact]
    public async Task Every_action_type_applies_and_each_result_carries_the_new_etag()
    {
        var m2 = (await Table.AddEntityAsync(new TableEntity("plan", "m2") { ["Title"] = "T", ["Remark"] = "R" })).Headers.ETag!.Value;
        var m3 = (await Table.AddEntityAsync(new TableEntity("plan", "m3") { ["Title"] = "T", ["Remark"] = "R" })).Headers.ETag!.Value;
        var m4 = (await Table.AddEntityAsync(new TableEntity("plan", "m4"))).Headers.ETag!.Value;
        await Table.AddEntityAsync(new TableEntity("plan", "m6") { ["Title"] = "T", ["Remark"] = "R" });

        var result = await Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("plan", "m1") { ["Title"] = "new" }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("plan", "m2") { ["Title"] = "merged" }, m2),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("plan", "m3") { ["Title"] = "replaced" }, m3),
            new(TableTransactionActionType.Delete, new TableEntity("plan", "m4"), m4),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("plan", "m5") { ["Title"] = "upserted" }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("plan", "m6") { ["Title"] = "upmerged" }),
        ]);

        Assert.Equal(202, result.GetRawResponse().Status);
        Assert.Equal(6, result.Value.Count);
        Assert.All(result.Value, r => Assert.Equal(204, r.Status));
        Assert.Null(result.Value[3].Headers.ETag);
        var m1 = (await Table.GetEntityAsync<TableEntity>("plan", "m1")).Value;
        Assert.Equal(result.Value[0].Headers.ETag, m1.ETag);

        var m2After = (await Table.GetEntityAsync<TableEntity>("plan", "m2")).Value;
        Assert.Equal(("merged", "R"), (m2After.GetString("Title"), m2After.GetString("Remark")));
        Assert.Equal(result.Value[1].Headers.ETag, m2After.ETag);
        var m3After = (await Table.GetEntityAsync<TableEntity>("plan", "m3")).Value;
        Assert.Equal(("replaced", null), (m3After.GetString("Title"), m3After.GetString("Remark")));
        Assert.False((await Table.GetEntityIfExistsAsync<TableEntity>("plan", "m4")).HasValue);
        Assert.Equal("upserted", (await Table.GetEntityAsync<TableEntity>("plan", "m5")).Value.GetString("Title"));
        Assert.Equal("R", (await Table.GetEntityAsync<TableEntity>("plan", "m6")).Value.GetString("Remark"));
    }

    [Fact]
    public async Task A_conflict_in_the_third_action_writes_nothing_and_reports_index_2()
    {
        await Table.AddEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "exists" });

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Table.SubmitTransactionAsync(
            [Add("plan", "a"), Add("plan", "b"), Add("plan", "exists"), Add("plan", "c")]));

        Assert.Equal(2, e.FailedTransactionActionIndex);
        Assert.Equal(409, e.Status);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
        Assert.Equal(1, await CountAsync("plan"));
    }

    [Fact]
    public async Task A_stale_etag_fails_the_whole_transaction_with_412()
    {
        var etag = (await Table.AddEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "m1", Title = "v1" })).Headers.ETag!.Value;
        await Table.UpsertEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "m1", Title = "someone else" });

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Table.SubmitTransactionAsync(
        [
            Add("plan", "m1~h~1", "history line"),
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, new NoteRow { PartitionKey = "plan", RowKey = "m1", Title = "mine" }, etag),
        ]));

        Assert.Equal(1, e.FailedTransactionActionIndex);
        Assert.Equal(412, e.Status);
        Assert.Equal("UpdateConditionNotSatisfied", e.ErrorCode);
        Assert.False((await Table.GetEntityIfExistsAsync<NoteRow>("plan", "m1~h~1")).HasValue);
        Assert.Equal("someone else", (await Table.GetEntityAsync<NoteRow>("plan", "m1")).Value.Title);
    }

    [Fact]
    public async Task A_full_transaction_of_100_actions_succeeds()
    {
        var result = await Table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => Add("plan", $"r{i:D3}")));
        Assert.Equal(100, result.Value.Count);
        Assert.Equal(100, await CountAsync("plan"));
    }

    [Fact]
    public async Task More_than_100_actions_is_refused_client_side()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            Table.SubmitTransactionAsync(Enumerable.Range(0, 101).Select(i => Add("plan", $"r{i}"))));
        Assert.Contains("100", e.Message);
        Assert.Equal(0, await CountAsync("plan"));
    }

    [Fact]
    public async Task Mixed_partitions_are_refused_client_side()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync([Add("a", "1"), Add("b", "1")]));
        Assert.Contains("PartitionKey", e.Message);
    }

    [Fact]
    public async Task Empty_and_duplicate_entity_transactions_are_refused_client_side()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync([Add("a", "1"), Add("a", "1")]));
    }

    [Fact]
    public async Task Typed_entities_with_every_type_can_be_written_in_a_transaction()
    {
        var row = TypeRoundTripTests.FullRow("plan", "typed");
        await Table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, row)]);
        var read = (await Table.GetEntityAsync<EveryTypeRow>("plan", "typed")).Value;
        TypeRoundTripTests.AssertSameValues(row, read);
    }

    [Fact]
    public async Task Transaction_on_a_missing_table_fails_with_a_request_failure()
    {
        var missing = Service.GetTableClient(AzuriteFixture.NewTableName());
        var e = await Assert.ThrowsAnyAsync<RequestFailedException>(() => missing.SubmitTransactionAsync([Add("p", "1")]));
        Assert.Equal(404, e.Status);
        Assert.Equal("TableNotFound", e.ErrorCode);
    }
}
