using TeamsBot.Tables.Tests.Infrastructure;
using TeamsBot.Testing;

namespace TeamsBot.Tables.Tests;

public sealed class TypeRoundTripTests(AzuriteFixture azurite) : TableTest(azurite)
{
    internal static EveryTypeRow FullRow(string pk, string rk) => new()
    {
        PartitionKey = pk,
        RowKey = rk,
        Text = "Samhandling – æøå ÆØÅ 🚓",
        Int32 = int.MinValue,
        Int64 = (1L << 53) + 1,
        Double = 3.0,
        Bool = true,
        When = new DateTimeOffset(2025, 6, 25, 1, 15, 30, 123, TimeSpan.FromHours(2)),
        WhenUtc = new DateTime(2023, 9, 1, 12, 0, 0, 456, DateTimeKind.Utc),
        Id = Guid.NewGuid(),
        Bytes = [0, 1, 2, 255],
        Data = new BinaryData(new byte[] { 9, 8, 7 }),
        Status = MeasureStatus.InProgress,
        MaybeInt32 = 42,
        MaybeInt64 = long.MaxValue,
        MaybeDouble = -0.125,
        MaybeBool = false,
        MaybeWhen = DateTimeOffset.UnixEpoch,
        MaybeWhenUtc = new DateTime(2011, 7, 22, 15, 25, 0, DateTimeKind.Utc),
        MaybeId = Guid.Empty,
        MaybeStatus = MeasureStatus.Implemented,
        NotStored = "ignored",
    };

    internal static void AssertSameValues(EveryTypeRow expected, EveryTypeRow actual)
    {
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Int32, actual.Int32);
        Assert.Equal(expected.Int64, actual.Int64);
        Assert.Equal(expected.Double, actual.Double);
        Assert.Equal(expected.Bool, actual.Bool);
        Assert.Equal(expected.When, actual.When);
        Assert.Equal(expected.WhenUtc, actual.WhenUtc);
        Assert.Equal(DateTimeKind.Utc, actual.WhenUtc.Kind);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Bytes, actual.Bytes);
        Assert.Equal(expected.Data?.ToArray(), actual.Data?.ToArray());
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.MaybeInt32, actual.MaybeInt32);
        Assert.Equal(expected.MaybeInt64, actual.MaybeInt64);
        Assert.Equal(expected.MaybeDouble, actual.MaybeDouble);
        Assert.Equal(expected.MaybeBool, actual.MaybeBool);
        Assert.Equal(expected.MaybeWhen, actual.MaybeWhen);
        Assert.Equal(expected.MaybeWhenUtc, actual.MaybeWhenUtc);
        Assert.Equal(expected.MaybeId, actual.MaybeId);
        Assert.Equal(expected.MaybeStatus, actual.MaybeStatus);
        Assert.Null(actual.NotStored);
    }

    [Fact]
    public async Task Every_supported_type_round_trips_through_a_typed_entity()
    {
        var row = FullRow("plan", "all");
        await Table.AddEntityAsync(row);
        AssertSameValues(row, (await Table.GetEntityAsync<EveryTypeRow>("plan", "all")).Value);

        var queried = new List<EveryTypeRow>();
        await foreach (var r in Table.QueryAsync<EveryTypeRow>()) queried.Add(r);
        AssertSameValues(row, Assert.Single(queried));
    }

    [Fact]
    public async Task Nulls_are_not_stored_and_read_back_as_null()
    {
        var row = new EveryTypeRow { PartitionKey = "plan", RowKey = "nulls" };
        await Table.AddEntityAsync(row);

        var read = (await Table.GetEntityAsync<EveryTypeRow>("plan", "nulls")).Value;
        AssertSameValues(row, read);
        var raw = (await Table.GetEntityAsync<TableEntity>("plan", "nulls")).Value;
        Assert.False(raw.ContainsKey("Text"));
        Assert.False(raw.ContainsKey("MaybeInt64"));
        Assert.False(raw.ContainsKey("NotStored"));
        Assert.False(raw.ContainsKey("Computed"));
    }

    [Fact]
    public async Task Stored_types_are_the_edm_types_we_annotated()
    {
        await Table.AddEntityAsync(FullRow("plan", "edm"));
        var raw = (await Table.GetEntityAsync<TableEntity>("plan", "edm")).Value;

        Assert.IsType<int>(raw["Int32"]);
        Assert.IsType<long>(raw["Int64"]);
        Assert.IsType<double>(raw["Double"]); // integral double stays a double
        Assert.IsType<bool>(raw["Bool"]);
        Assert.IsType<DateTimeOffset>(raw["When"]);
        Assert.IsType<DateTimeOffset>(raw["WhenUtc"]);
        Assert.IsType<Guid>(raw["Id"]);
        Assert.IsType<byte[]>(raw["Bytes"]);
        Assert.IsType<byte[]>(raw["Data"]);
        Assert.Equal("InProgress", raw["Status"]);
        Assert.IsType<DateTimeOffset>(raw.Timestamp);
    }

    [Fact]
    public async Task Dynamic_entity_values_round_trip()
    {
        var when = new DateTimeOffset(2025, 6, 25, 1, 15, 30, 999, TimeSpan.Zero);
        var id = Guid.NewGuid();
        var entity = new TableEntity("plan", "dyn")
        {
            ["Empty"] = "",
            ["Unicode"] = "æøå",
            ["Big"] = (1L << 53) + 1,
            ["Negative"] = long.MinValue,
            ["Integral"] = 2.0,
            ["Fraction"] = 0.1,
            ["Nan"] = double.NaN,
            ["PosInf"] = double.PositiveInfinity,
            ["Small"] = 7,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 1, 2, 3 },
            ["Yes"] = true,
            ["Nothing"] = null,
        };
        await Table.AddEntityAsync(entity);
        var read = (await Table.GetEntityAsync<TableEntity>("plan", "dyn")).Value;

        Assert.Equal("", read.GetString("Empty"));
        Assert.Equal("æøå", read.GetString("Unicode"));
        Assert.Equal((1L << 53) + 1, read.GetInt64("Big"));
        Assert.Equal(long.MinValue, read.GetInt64("Negative"));
        Assert.Equal(2.0, read.GetDouble("Integral"));
        Assert.IsType<double>(read["Integral"]);
        Assert.Equal(0.1, read.GetDouble("Fraction"));
        Assert.True(double.IsNaN(read.GetDouble("Nan")!.Value));
        Assert.Equal(double.PositiveInfinity, read.GetDouble("PosInf"));
        Assert.Equal(7, read.GetInt32("Small"));
        Assert.Equal(7L, read.GetInt64("Small"));
        Assert.Equal(when, read.GetDateTimeOffset("When"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal([1, 2, 3], read.GetBinary("Bytes"));
        Assert.Equal([1, 2, 3], read.GetBinaryData("Bytes")!.ToArray());
        Assert.True(read.GetBoolean("Yes"));
        Assert.Null(read.GetString("Nothing"));
        Assert.False(read.ContainsKey("Nothing"));
        Assert.Null(read.GetInt32("NoSuchProperty"));
    }

    [Fact]
    public async Task DateTimeOffset_keeps_sub_millisecond_ticks_and_converts_to_utc()
    {
        var when = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(-5)).AddTicks(1234567);
        await Table.AddEntityAsync(new TableEntity("p", "t") { ["When"] = when });
        var read = (await Table.GetEntityAsync<TableEntity>("p", "t")).Value.GetDateTimeOffset("When")!.Value;

        Assert.Equal(when, read);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }

    [Fact]
    public async Task Local_and_unspecified_DateTime_are_stored_as_utc()
    {
        var unspecified = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Unspecified);
        var local = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Local);
        await Table.AddEntityAsync(new TableEntity("p", "t") { ["Unspecified"] = unspecified, ["Local"] = local });
        var read = (await Table.GetEntityAsync<TableEntity>("p", "t")).Value;

        Assert.Equal(DateTime.SpecifyKind(unspecified, DateTimeKind.Utc), read.GetDateTime("Unspecified"));
        Assert.Equal(local.ToUniversalTime(), read.GetDateTime("Local"));
    }

    [Fact]
    public void Unsupported_property_types_are_named_in_the_error()
    {
        var e = Assert.Throws<NotSupportedException>(() => TableClient.CreateQueryFilter($"X eq {new object()}"));
        Assert.Contains("Object", e.Message);
    }

    [Fact]
    public async Task Typed_entity_with_an_unsupported_property_type_is_refused_with_its_name()
    {
        var e = await Assert.ThrowsAsync<NotSupportedException>(() => Table.AddEntityAsync(new BadRow { PartitionKey = "p", RowKey = "r" }));
        Assert.Contains("BadRow.Tags", e.Message);
    }

    [Fact]
    public void Wrong_type_access_on_a_dynamic_entity_says_what_is_stored()
    {
        var entity = new TableEntity("p", "r") { ["N"] = "text" };
        var e = Assert.Throws<InvalidOperationException>(() => entity.GetInt32("N"));
        Assert.Contains("String", e.Message);
    }

    private sealed class BadRow : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public Azure.ETag ETag { get; set; }
        public List<string> Tags { get; set; } = [];
    }
}
