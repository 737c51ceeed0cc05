using TeamsBot.Storage;

namespace TeamsBot.Tests.Reliability;

/// <summary>Ids become table keys in one place, which refuses what Table Storage cannot hold before any request is made.</summary>
public sealed class TableKeyTests
{
    [Theory]
    [InlineData("a:1hBGKzVwG1NG4tAyQeS7mKg4mNeYErz4rl2vJjNxIGQZJMy1eAiBBuKlPn-1w7-E2OwwB4Bm1imay1xLgRhMOrLRci2rzO1HZu6VUdNRNd0yVuGhgQfJPi02OyL71hJgr")]
    [InlineData("19:abc@thread.tacv2;messageid=1700000000001")]
    [InlineData("25-juni-22")]
    [InlineData("politi 🚓")]
    [InlineData("")]
    public void Teams_ids_and_plan_ids_are_keys_and_round_trip(string id)
    {
        Assert.True(TableKeys.IsValid(id));
        Assert.Equal(id, TableKeys.Decode(TableKeys.Encode(id)));
    }

    [Fact]
    public void Characters_tables_refuse_are_percent_encoded()
    {
        Assert.Equal("a%2Fb%5Cc%23d%3Fe%25f%00g%0Ah%C2%85", TableKeys.Encode("a/b\\c#d?e%f\u0000g\nh\u0085"));
        Assert.Equal("a/b\\c#d?e%f\u0000g\nh\u0085", TableKeys.Decode(TableKeys.Encode("a/b\\c#d?e%f\u0000g\nh\u0085")));
    }

    [Theory]
    [InlineData(512, true)]
    [InlineData(513, false)]
    [InlineData(20_000, false)]
    public void A_key_is_at_most_512_characters_once_encoded(int length, bool valid)
    {
        var id = new string('p', length);
        Assert.Equal(valid, TableKeys.IsValid(id));
        if (!valid) Assert.Contains("longer than 512", Assert.Throws<ArgumentException>(() => TableKeys.Encode(id)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encoding_counts_toward_the_length()
    {
        Assert.True(TableKeys.IsValid(new string('/', 170))); // 510 once encoded
        Assert.False(TableKeys.IsValid(new string('/', 171)));
    }

    [Theory]
    [InlineData("abc", 0xD800, "")]
    [InlineData("", 0xDC00, "abc")]
    [InlineData("a", 0xD83D, "b")]
    public void An_unpaired_surrogate_is_not_a_key(string before, int surrogate, string after)
    {
        var id = before + (char)surrogate + after; // built here: attribute strings cannot hold a lone surrogate
        Assert.False(TableKeys.IsValid(id));
        Assert.Contains("unpaired UTF-16 surrogate", Assert.Throws<ArgumentException>(() => TableKeys.Encode(id)).Message, StringComparison.Ordinal);
    }
}
