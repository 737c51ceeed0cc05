using Azure;
using TeamsBot.Tables.Tests.Infrastructure;
using TeamsBot.Testing;

namespace TeamsBot.Tables.Tests;

public sealed class EntityOperationTests(AzuriteFixture azurite) : TableTest(azurite)
{
    [Fact]
    public async Task Add_returns_the_new_etag_and_a_second_add_is_EntityAlreadyExists()
    {
        var added = await Table.AddEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "m1", Title = "First" });
        var read = await Table.GetEntityAsync<NoteRow>("plan", "m1");

        Assert.Equal(added.Headers.ETag, read.Value.ETag);
        Assert.NotNull(read.Value.Timestamp);
        var e = await Assert.ThrowsAsync<RequestFailedException>(() =>
            Table.AddEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "m1", Title = "Again" }));
        Assert.Equal(409, e.Status);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
    }

    [Fact]
    public async Task Get_missing_is_ResourceNotFound_and_GetIfExists_has_no_value()
    {
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Table.GetEntityAsync<TableEntity>("plan", "missing"));
        Assert.Equal(404, e.Status);
        Assert.Equal("ResourceNotFound", e.ErrorCode);

        var maybe = await Table.GetEntityIfExistsAsync<TableEntity>("plan", "missing");
        Assert.False(maybe.HasValue);
        Assert.Null(maybe.Value);
        Assert.Equal(404, maybe.GetRawResponse().Status);
    }

    [Fact]
    public async Task GetIfExists_returns_the_entity_when_present()
    {
        await Table.AddEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "m1", Title = "T" });
        var maybe = await Table.GetEntityIfExistsAsync<NoteRow>("plan", "m1");
        Assert.True(maybe.HasValue);
        Assert.Equal("T", maybe.Value!.Title);
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_UpdateConditionNotSatisfied_and_changes_nothing()
    {
        await Table.AddEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "m1", Title = "v1" });
        var seen = (await Table.GetEntityAsync<NoteRow>("plan", "m1")).Value;
        seen.Title = "v2";
        var updated = await Table.UpdateEntityAsync(seen, seen.ETag);
        Assert.NotEqual(seen.ETag, updated.Headers.ETag);

        seen.Title = "v3 from a stale view";
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Table.UpdateEntityAsync(seen, seen.ETag));
        Assert.Equal(412, e.Status);
        Assert.Equal("UpdateConditionNotSatisfied", e.ErrorCode);
        Assert.Equal("v2", (await Table.GetEntityAsync<NoteRow>("plan", "m1")).Value.Title);
    }

    [Fact]
    public async Task Update_with_ETag_All_is_unconditional_but_needs_an_existing_entity()
    {
        await Table.AddEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "m1", Title = "v1" });
        await Table.UpdateEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "m1", Title = "v2" }, ETag.All);
        Assert.Equal("v2", (await Table.GetEntityAsync<NoteRow>("plan", "m1")).Value.Title);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() =>
            Table.UpdateEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "none" }, ETag.All));
        Assert.Equal(404, e.Status);
        Assert.Equal("ResourceNotFound", e.ErrorCode);
    }

    [Fact]
    public async Task Update_without_an_etag_is_refused_client_side()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Table.UpdateEntityAsync(new NoteRow { PartitionKey = "p", RowKey = "r" }, default));
    }

    [Fact]
    public async Task Upsert_merge_keeps_other_properties_and_replace_drops_them()
    {
        await Table.AddEntityAsync(new TableEntity("plan", "m1") { ["Title"] = "T", ["Remark"] = "R" });

        await Table.UpsertEntityAsync(new TableEntity("plan", "m1") { ["Title"] = "T2" });
        var merged = (await Table.GetEntityAsync<TableEntity>("plan", "m1")).Value;
        Assert.Equal("T2", merged.GetString("Title"));
        Assert.Equal("R", merged.GetString("Remark"));

        await Table.UpsertEntityAsync(new TableEntity("plan", "m1") { ["Title"] = "T3" }, TableUpdateMode.Replace);
        var replaced = (await Table.GetEntityAsync<TableEntity>("plan", "m1")).Value;
        Assert.Equal("T3", replaced.GetString("Title"));
        Assert.False(replaced.ContainsKey("Remark"));
    }

    [Fact]
    public async Task Upsert_inserts_when_missing()
    {
        var response = await Table.UpsertEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "new", Title = "N" }, TableUpdateMode.Replace);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("N", (await Table.GetEntityAsync<NoteRow>("plan", "new")).Value.Title);
    }

    [Fact]
    public async Task Update_replace_drops_unnamed_properties_update_merge_keeps_them()
    {
        var etag = (await Table.AddEntityAsync(new TableEntity("plan", "m1") { ["Title"] = "T", ["Remark"] = "R" })).Headers.ETag!.Value;
        etag = (await Table.UpdateEntityAsync(new TableEntity("plan", "m1") { ["Order"] = 1 }, etag)).Headers.ETag!.Value;
        Assert.Equal("R", (await Table.GetEntityAsync<TableEntity>("plan", "m1")).Value.GetString("Remark"));

        await Table.UpdateEntityAsync(new TableEntity("plan", "m1") { ["Order"] = 2 }, etag, TableUpdateMode.Replace);
        var after = (await Table.GetEntityAsync<TableEntity>("plan", "m1")).Value;
        Assert.Equal(2, after.GetInt32("Order"));
        Assert.Null(after.GetString("Remark"));
    }

    [Fact]
    public async Task Delete_honours_the_etag()
    {
        var etag = (await Table.AddEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "m1" })).Headers.ETag!.Value;
        await Table.UpsertEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "m1", Title = "changed" });

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Table.DeleteEntityAsync("plan", "m1", etag));
        Assert.Equal(412, e.Status);
        Assert.Equal("UpdateConditionNotSatisfied", e.ErrorCode);

        var current = (await Table.GetEntityAsync<NoteRow>("plan", "m1")).Value.ETag;
        Assert.Equal(204, (await Table.DeleteEntityAsync("plan", "m1", current)).Status);
        Assert.False((await Table.GetEntityIfExistsAsync<NoteRow>("plan", "m1")).HasValue);
    }

    [Fact]
    public async Task Delete_without_etag_is_unconditional_and_missing_is_ResourceNotFound()
    {
        await Table.AddEntityAsync(new NoteRow { PartitionKey = "plan", RowKey = "m1" });
        Assert.Equal(204, (await Table.DeleteEntityAsync("plan", "m1")).Status);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Table.DeleteEntityAsync("plan", "m1"));
        Assert.Equal(404, e.Status);
        Assert.Equal("ResourceNotFound", e.ErrorCode);
    }

    [Fact]
    public async Task Get_with_select_returns_only_the_named_properties()
    {
        await Table.AddEntityAsync(new TableEntity("plan", "m1") { ["Title"] = "T", ["Remark"] = "R", ["Order"] = 4 });
        var partial = (await Table.GetEntityAsync<TableEntity>("plan", "m1", select: ["Title"])).Value;

        Assert.Equal("T", partial.GetString("Title"));
        Assert.False(partial.ContainsKey("Remark"));
        Assert.False(partial.ContainsKey("Order"));
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("æøå ÆØÅ")]
    [InlineData("a b+c&d=e%f")]
    [InlineData("x' or PartitionKey ne '")]
    [InlineData("(parens),comma")]
    public async Task Keys_with_quotes_spaces_and_unicode_work_in_every_operation(string key)
    {
        var etag = (await Table.AddEntityAsync(new NoteRow { PartitionKey = key, RowKey = key, Title = "T" })).Headers.ETag!.Value;
        var read = (await Table.GetEntityAsync<NoteRow>(key, key)).Value;
        Assert.Equal(key, read.PartitionKey);
        Assert.Equal(key, read.RowKey);

        etag = (await Table.UpdateEntityAsync(new NoteRow { PartitionKey = key, RowKey = key, Title = "U" }, etag)).Headers.ETag!.Value;
        var filtered = new List<NoteRow>();
        await foreach (var row in Table.QueryAsync<NoteRow>(TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey eq {key}")))
            filtered.Add(row);
        Assert.Equal("U", Assert.Single(filtered).Title);

        await Table.DeleteEntityAsync(key, key, etag);
    }
}
