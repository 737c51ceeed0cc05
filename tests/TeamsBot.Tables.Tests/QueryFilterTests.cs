namespace TeamsBot.Tables.Tests;

public sealed class QueryFilterTests
{
    [Fact]
    public void Strings_are_quoted_with_single_quotes_doubled()
    {
        var value = "x' or PartitionKey ne '";
        Assert.Equal("PartitionKey eq 'x'' or PartitionKey ne '''", TableClient.CreateQueryFilter($"PartitionKey eq {value}"));
        Assert.Equal("Title eq 'æøå'", TableClient.CreateQueryFilter($"Title eq {"æøå"}"));
        Assert.Equal("Title eq ''", TableClient.CreateQueryFilter($"Title eq {""}"));
    }

    [Fact]
    public void Typed_values_become_their_odata_literals()
    {
        var when = new DateTimeOffset(2025, 6, 25, 3, 15, 0, TimeSpan.FromHours(2)).AddTicks(1234567);
        var id = Guid.Parse("8a1b7b76-4b5c-4a55-8d1a-2f3e4d5c6b7a");

        Assert.Equal("T ge datetime'2025-06-25T01:15:00.1234567Z'", TableClient.CreateQueryFilter($"T ge {when}"));
        Assert.Equal("Id eq guid'8a1b7b76-4b5c-4a55-8d1a-2f3e4d5c6b7a'", TableClient.CreateQueryFilter($"Id eq {id}"));
        Assert.Equal("N eq 123L", TableClient.CreateQueryFilter($"N eq {123L}"));
        Assert.Equal("N eq 123", TableClient.CreateQueryFilter($"N eq {123}"));
        Assert.Equal("B eq true and C eq false", TableClient.CreateQueryFilter($"B eq {true} and C eq {false}"));
        Assert.Equal("D eq 2.0 and E eq 0.5", TableClient.CreateQueryFilter($"D eq {2.0} and E eq {0.5}"));
        Assert.Equal("X eq X'00FF10'", TableClient.CreateQueryFilter($"X eq {new byte[] { 0, 255, 16 }}"));
        Assert.Equal("S eq 'Planned'", TableClient.CreateQueryFilter($"S eq {Infrastructure.MeasureStatus.Planned}"));
    }

    [Fact]
    public void Format_is_culture_independent()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("nb-NO");
            Assert.Equal("D eq 1.5", TableClient.CreateQueryFilter($"D eq {1.5}"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Text_outside_arguments_is_kept_as_written()
    {
        Assert.Equal("PartitionKey eq 'a' and RowKey ge 'm1~h~'", TableClient.CreateQueryFilter($"PartitionKey eq {"a"} and RowKey ge {"m1~h~"}"));
    }
}
