using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Measures.Cards;

public class HistoryCardTests
{
    internal static readonly Measure Measure = CardData.Measure("25-juni-22");

    internal static IReadOnlyList<HistoryEntry> History() =>
    [
        new("25-juni", "25-juni-22", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), "import", "import",
            [new FieldChange("title", null, Measure.Title), new FieldChange("status", null, "InProgress"), new FieldChange("remark", null, Measure.Remark)], null),
        new("25-juni", "25-juni-22", new DateTimeOffset(2026, 11, 22, 13, 5, 0, TimeSpan.Zero), "Kari Nordmann", "card",
            [new FieldChange("status", "InProgress", "Implemented"), new FieldChange("deadline", "2023-09-01", "2026-12-01")],
            "1. runde er _ferdig_"),
        new("25-juni", "25-juni-22", new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero), "Ola Nordmann", "card",
            [new FieldChange("owners", "PST", "PST, Kripos")], null),
    ];

    private static List<string> Headers(string json) =>
        [.. CardData.Json(json).GetProperty("body").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "Container")
            .Select(e => e.GetProperty("items")[0].GetProperty("text").GetString()!)];

    [Fact]
    public void Entries_are_newest_first_in_oslo_time_with_status_labels_and_the_comment()
    {
        var json = HistoryCard.Build(Measure, History(), UserLanguage.Bokmal).ToJson();

        Assert.Equal(
            ["22.11.2026 kl. 14:05 · Kari Nordmann", "01.06.2026 kl. 12:00 · Ola Nordmann", "05.01.2026 kl. 10:00 · import"],
            Headers(json));
        Assert.Contains("**Status:** pågående → iverksatt", json);
        Assert.Contains("**Frist:** 1\\\\. september 2023 → 1\\\\. desember 2026", json);
        Assert.Contains("**Status:** _(tom)_ → pågående", json);
        Assert.Contains("**Kommentar:** 1\\\\. runde er \\\\_ferdig\\\\_", json);
        Assert.Contains("via skjema i Teams", json);
        Assert.Contains("via import av planfil", json);
        Assert.DoesNotContain("InProgress", json);
    }

    [Fact]
    public void Long_values_are_cut_and_kept_on_one_line()
    {
        var json = HistoryCard.Build(Measure, History(), UserLanguage.Bokmal).ToJson();
        var remarkLine = CardData.Json(json).GetProperty("body").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "Container")
            .SelectMany(e => e.GetProperty("items").EnumerateArray())
            .Select(e => e.GetProperty("text").GetString()!)
            .Single(t => t.StartsWith("**Merknad:**", StringComparison.Ordinal));

        Assert.EndsWith("…", remarkLine);
        Assert.DoesNotContain("\n", remarkLine);
        Assert.True(remarkLine.Length < HistoryCard.MaxValueLength + 60, remarkLine);
    }

    [Fact]
    public void Beyond_the_cap_a_line_counts_the_older_changes_in_english()
    {
        var many = Enumerable.Range(0, 25).Select(i => new HistoryEntry("25-juni", "25-juni-22",
            new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(i), "Kari", "card",
            [new FieldChange("status", "UnderPlanning", "InProgress")], null)).ToList();

        var json = HistoryCard.Build(Measure, many, UserLanguage.English).ToJson();

        Assert.Equal(20, Headers(json).Count);
        Assert.StartsWith("25 January 2026, 13:00", Headers(json)[0]);
        Assert.Contains("… and 5 older changes", json);
        Assert.Contains("**Status:** planned → in progress", json);
        Assert.Contains("History: ", json);
    }

    [Fact]
    public void No_history_says_so_and_offers_the_measure()
    {
        var card = CardData.Json(HistoryCard.Build(Measure, [], UserLanguage.Bokmal).ToJson());

        Assert.Contains("Ingen endringer er registrert", card.GetRawText());
        var action = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal("measure.show", action.GetProperty("verb").GetString());
    }
}
