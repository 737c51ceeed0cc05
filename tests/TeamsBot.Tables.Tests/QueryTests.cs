using Azure;
using TeamsBot.Tables.Tests.Infrastructure;
using TeamsBot.Testing;

namespace TeamsBot.Tables.Tests;

public sealed class QueryTests(AzuriteFixture azurite) : TableTest(azurite)
{
    private async Task SeedAsync()
    {
        for (var i = 0; i < 5; i++)
        {
            await Table.AddEntityAsync(new NoteRow { PartitionKey = "planA", RowKey = $"m{i}", Title = $"A{i}", Remark = "r", Order = i });
            await Table.AddEntityAsync(new NoteRow { PartitionKey = "planB", RowKey = $"m{i}", Title = $"B{i}", Remark = "r", Order = i });
        }
    }

    private static async Task<List<T>> AllAsync<T>(AsyncPageable<T> pageable) where T : notnull
    {
        var list = new List<T>();
        await foreach (var item in pageable) list.Add(item);
        return list;
    }

    [Fact]
    public async Task Filter_selects_matching_entities()
    {
        await SeedAsync();
        var rows = await AllAsync(Table.QueryAsync<NoteRow>(TableClient.CreateQueryFilter($"PartitionKey eq {"planA"} and Order ge {3}")));

        Assert.Equal(["m3", "m4"], rows.Select(r => r.RowKey));
        Assert.All(rows, r => Assert.NotEqual(default, r.ETag));
    }

    [Fact]
    public async Task No_filter_returns_everything()
    {
        await SeedAsync();
        Assert.Equal(10, (await AllAsync(Table.QueryAsync<TableEntity>())).Count);
    }

    [Fact]
    public async Task Select_limits_the_returned_properties()
    {
        await SeedAsync();
        var rows = await AllAsync(Table.QueryAsync<TableEntity>($"PartitionKey eq 'planA'", select: ["Title"]));

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.StartsWith("A", r.GetString("Title"));
            Assert.False(r.ContainsKey("Remark"));
            Assert.False(r.ContainsKey("Order"));
        });
    }

    [Fact]
    public async Task MaxPerPage_is_top_and_pages_follow_the_continuation()
    {
        await SeedAsync();
        var pages = new List<Page<NoteRow>>();
        await foreach (var page in Table.QueryAsync<NoteRow>(maxPerPage: 3).AsPages()) pages.Add(page);

        Assert.Equal([3, 3, 3, 1], pages.Select(p => p.Values.Count));
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(10, pages.SelectMany(p => p.Values).Select(r => (r.PartitionKey, r.RowKey)).Distinct().Count());
    }

    [Fact]
    public async Task A_continuation_token_resumes_where_a_page_ended()
    {
        await SeedAsync();
        Page<NoteRow>? first = null;
        await foreach (var page in Table.QueryAsync<NoteRow>(maxPerPage: 4).AsPages())
        {
            first = page;
            break;
        }

        var rest = new List<NoteRow>();
        await foreach (var page in Table.QueryAsync<NoteRow>(maxPerPage: 4).AsPages(first!.ContinuationToken))
            rest.AddRange(page.Values);
        Assert.Equal(6, rest.Count);
        Assert.Empty(first.Values.Select(r => r.PartitionKey + r.RowKey).Intersect(rest.Select(r => r.PartitionKey + r.RowKey)));
    }

    [Fact]
    public async Task Paging_over_more_than_a_thousand_entities_returns_all_of_them()
    {
        for (var batch = 0; batch < 11; batch++)
        {
            await Table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i =>
                new TableTransactionAction(TableTransactionActionType.Add,
                    new TableEntity("bulk", $"{batch * 100 + i:D5}") { ["N"] = batch * 100 + i })));
        }

        var pageCount = 0;
        var rows = new List<TableEntity>();
        await foreach (var page in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"bulk"}")).AsPages())
        {
            pageCount++;
            rows.AddRange(page.Values);
        }

        Assert.Equal(1100, rows.Count);
        Assert.Equal(2, pageCount); // the service caps a page at 1,000
        Assert.Equal(Enumerable.Range(0, 1100), rows.Select(r => r.GetInt32("N")!.Value).Order());
    }

    [Fact]
    public async Task Filter_injection_through_an_argument_matches_nothing_extra()
    {
        await SeedAsync();
        var hostile = "x' or PartitionKey ne '";
        var rows = await AllAsync(Table.QueryAsync<NoteRow>(TableClient.CreateQueryFilter($"PartitionKey eq {hostile}")));
        Assert.Empty(rows);

        var other = await AllAsync(Table.QueryAsync<NoteRow>(TableClient.CreateQueryFilter($"PartitionKey eq {"planA"} and Title eq {"A1' or Title ne '"}")));
        Assert.Empty(other);
    }

    [Fact]
    public async Task Filters_on_typed_literals_match()
    {
        var when = new DateTimeOffset(2025, 6, 25, 1, 15, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await Table.AddEntityAsync(new TableEntity("p", "1") { ["When"] = when, ["Id"] = id, ["Big"] = 1L << 40, ["Ratio"] = 2.0, ["Done"] = true });
        await Table.AddEntityAsync(new TableEntity("p", "2") { ["When"] = when.AddDays(1), ["Id"] = Guid.NewGuid(), ["Big"] = 1L, ["Ratio"] = 0.5, ["Done"] = false });

        async Task<string> Single(FormattableString filter) => Assert.Single(await AllAsync(Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(filter)))).RowKey;

        Assert.Equal("1", await Single($"When le {when}"));
        Assert.Equal("1", await Single($"Id eq {id}"));
        Assert.Equal("1", await Single($"Big gt {1L << 39}"));
        Assert.Equal("1", await Single($"Ratio eq {2.0}"));
        Assert.Equal("2", await Single($"Done eq {false}"));
    }

    [Fact]
    public async Task Query_on_a_missing_table_is_TableNotFound()
    {
        var missing = Service.GetTableClient(AzuriteFixture.NewTableName());
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => AllAsync(missing.QueryAsync<TableEntity>()));
        Assert.Equal(404, e.Status);
        Assert.Equal("TableNotFound", e.ErrorCode);
    }

    [Fact]
    public async Task Invalid_filter_is_a_400_with_an_error_code()
    {
        await SeedAsync();
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => AllAsync(Table.QueryAsync<TableEntity>("PartitionKey eq eq")));
        Assert.Equal(400, e.Status);
        Assert.False(string.IsNullOrEmpty(e.ErrorCode));
    }
}
