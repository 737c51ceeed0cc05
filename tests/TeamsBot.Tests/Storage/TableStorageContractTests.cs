using Azure;
using Azure.Data.Tables;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Storage;

/// <summary>
/// What the app relies on from Azure.Data.Tables, checked on real Azurite with a table of its own: conditional writes
/// refuse stale versions, a failed transaction writes nothing and names the failing action, filters built from hostile
/// text match nothing extra, queries page past 1,000 rows, and the few behaviours our stores are written around.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableStorageContractTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TableClient _table = new TableServiceClient(azurite.ConnectionString).GetTableClient(AzuriteFixture.NewTableName("contract"));

    public async Task InitializeAsync() => await _table.CreateIfNotExistsAsync();

    public async Task DisposeAsync() => await _table.DeleteAsync();

    private async Task<ETag> AddAsync(string pk, string rk, string title = "v1") =>
        (await _table.AddEntityAsync(new TableEntity(pk, rk) { ["Title"] = title })).Headers.ETag!.Value;

    private async Task<List<TableEntity>> QueryAsync(string filter)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter)) rows.Add(row);
        return rows;
    }

    private async Task<string?> TitleAsync(string pk, string rk) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(pk, rk)) is { HasValue: true } found ? found.Value!.GetString("Title") : null;

    [Fact]
    public async Task An_update_with_a_stale_etag_is_412_and_changes_nothing()
    {
        var seen = await AddAsync("plan", "m1");
        await _table.UpdateEntityAsync(new TableEntity("plan", "m1") { ["Title"] = "someone else" }, seen);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() =>
            _table.UpdateEntityAsync(new TableEntity("plan", "m1") { ["Title"] = "mine" }, seen, TableUpdateMode.Merge));

        Assert.Equal((412, "UpdateConditionNotSatisfied"), (e.Status, e.ErrorCode));
        Assert.Equal("someone else", await TitleAsync("plan", "m1"));
    }

    [Fact]
    public async Task A_delete_with_a_stale_etag_is_412_and_the_row_stays()
    {
        var seen = await AddAsync("plan", "m1");
        await _table.UpdateEntityAsync(new TableEntity("plan", "m1") { ["Title"] = "changed" }, seen);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => _table.DeleteEntityAsync("plan", "m1", seen));

        Assert.Equal((412, "UpdateConditionNotSatisfied"), (e.Status, e.ErrorCode));
        Assert.Equal("changed", await TitleAsync("plan", "m1"));
    }

    [Fact]
    public async Task Deleting_a_missing_row_answers_404_without_throwing()
    {
        // DigestSubscriptionStore tells "stopped" from "was not subscribed" by this status.
        var response = await _table.DeleteEntityAsync("plan", "never-there", ETag.All);
        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task An_unconditional_merge_of_a_missing_row_fails_with_404_instead_of_creating_it()
    {
        // DigestSubscriptionStore records a posted brief this way, so a subscription stopped meanwhile stays stopped.
        var e = await Assert.ThrowsAsync<RequestFailedException>(() =>
            _table.UpdateEntityAsync(new TableEntity("tenant", "channel") { ["LastBriefAt"] = DateTimeOffset.UtcNow }, ETag.All, TableUpdateMode.Merge));

        Assert.Equal(404, e.Status);
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("tenant", "channel")).HasValue);
    }

    [Fact]
    public async Task A_stale_etag_inside_a_transaction_fails_it_with_412_at_that_action_and_writes_nothing()
    {
        var seen = await AddAsync("plan", "m1");
        await _table.UpdateEntityAsync(new TableEntity("plan", "m1") { ["Title"] = "someone else" }, seen);

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("plan", "~h~m1~1") { ["Title"] = "history line" }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("plan", "m1") { ["Title"] = "mine" }, seen),
        ]));

        Assert.Equal((412, "UpdateConditionNotSatisfied", 1), (e.Status, e.ErrorCode, e.FailedTransactionActionIndex));
        Assert.Null(await TitleAsync("plan", "~h~m1~1"));
        Assert.Equal("someone else", await TitleAsync("plan", "m1"));
    }

    [Fact]
    public async Task A_transaction_that_fails_at_its_third_action_writes_nothing_and_reports_index_2()
    {
        await AddAsync("plan", "exists");

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("plan", "a")),
            new(TableTransactionActionType.Add, new TableEntity("plan", "b")),
            new(TableTransactionActionType.Add, new TableEntity("plan", "exists")),
            new(TableTransactionActionType.Add, new TableEntity("plan", "c")),
        ]));

        Assert.Equal((409, "EntityAlreadyExists", 2), (e.Status, e.ErrorCode, e.FailedTransactionActionIndex));
        Assert.Equal(["exists"], (await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"plan"}"))).Select(r => r.RowKey));
    }

    [Fact]
    public async Task A_transaction_of_100_actions_commits_them_all()
    {
        // The service's limit; Azurite answers more than 100 with a reply the SDK cannot read, so the app never sends more.
        var result = await _table.SubmitTransactionAsync(Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("plan", $"r{i:D3}"))));

        Assert.Equal(100, result.Value.Count);
        Assert.Equal(100, (await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"plan"}"))).Count);
    }

    public static TheoryData<string> Hostile => new()
    {
        "x' or PartitionKey ne '",
        "' or 1 eq 1 or RowKey eq '",
        "planA') or (PartitionKey ne 'x",
        "planA' and RowKey ge '",
        "%27 or true",
        "'' or ''='",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_filter_built_with_CreateQueryFilter_from_hostile_text_matches_only_that_literal(string hostile)
    {
        await AddAsync("planA", "m1", "A");
        await AddAsync("planB", "m1", "B");
        await AddAsync(hostile, "m1", "the literal");

        var rows = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {hostile}"));
        Assert.Equal(["the literal"], rows.Select(r => r.GetString("Title")));

        var combined = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"planA"} and Title eq {hostile}"));
        Assert.Empty(combined);
    }

    [Fact]
    public async Task A_query_over_more_rows_than_one_page_follows_the_continuation_tokens_to_the_end()
    {
        for (var batch = 0; batch < 11; batch++)
        {
            await _table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("bulk", $"{batch * 100 + i:D5}") { ["N"] = batch * 100 + i })));
        }

        var pages = new List<Page<TableEntity>>();
        await foreach (var page in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"bulk"}"), maxPerPage: 1000).AsPages())
            pages.Add(page);

        Assert.Equal([1000, 100], pages.Select(p => p.Values.Count));
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(Enumerable.Range(0, 1100), pages.SelectMany(p => p.Values).Select(r => r.GetInt32("N")!.Value).Order());

        // A page can also be resumed from its token alone (as a paged card or a restarted load would).
        var rest = new List<TableEntity>();
        await foreach (var page in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"bulk"}"), maxPerPage: 1000)
                           .AsPages(pages[0].ContinuationToken))
            rest.AddRange(page.Values);
        Assert.Equal(100, rest.Count);
    }

    [Fact]
    public async Task A_merge_leaves_columns_that_are_null_or_absent_in_the_entity_as_they_are()
    {
        // MeasureStore merges measures read from the index, which do not carry the import bookkeeping.
        var seen = (await _table.AddEntityAsync(new TableEntity("plan", "m1") { ["Title"] = "v1", ["ImportSnapshot"] = "{…}" })).Headers.ETag!.Value;

        await _table.UpdateEntityAsync(new TableEntity("plan", "m1") { ["Title"] = "v2", ["ImportSnapshot"] = null }, seen, TableUpdateMode.Merge);

        var row = (await _table.GetEntityAsync<TableEntity>("plan", "m1")).Value;
        Assert.Equal(("v2", "{…}"), (row.GetString("Title"), row.GetString("ImportSnapshot")));
    }

    [Fact]
    public async Task Times_are_stored_as_the_same_instant_whatever_their_offset()
    {
        var oslo = new DateTimeOffset(2026, 6, 25, 1, 15, 30, 123, TimeSpan.FromHours(2));
        await _table.AddEntityAsync(new TableEntity("plan", "m1") { ["UpdatedAt"] = oslo });

        var stored = (await _table.GetEntityAsync<TableEntity>("plan", "m1")).Value.GetDateTimeOffset("UpdatedAt");

        Assert.Equal(oslo, stored);
        Assert.Equal(TimeSpan.Zero, stored!.Value.Offset);
        // The SDK refuses a DateTime that is not UTC, which is why every stored time here is a DateTimeOffset.
        Assert.Throws<NotSupportedException>(() =>
            _table.AddEntity(new TableEntity("plan", "m2") { ["At"] = new DateTime(2026, 6, 25, 3, 0, 0, DateTimeKind.Local) }));
    }
}
