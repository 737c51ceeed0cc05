using System.Text.Json.Nodes;

namespace TeamsBot.Cards.Tests;

public class ActionDataTests
{
    private static readonly int[] NotAnObject = [1, 2];

    public static TheoryData<string> HostileStrings() => new()
    {
        "He said \"stop\" \\ and left",
        "</script><script>alert(1)</script>",
        "{{DATE(2017-02-14T06:08:00Z, SHORT)}} ${measureId} {{user}}",
        "**bold** _it_ [link](https://evil.example) # head",
        "Trafikk 🚓 på E18, æøå ÆØÅ",
        "line one\nline two\r\n\ttab \u0000 nul \u2028 separator",
        "'; DROP TABLE Measures; --",
    };

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void Execute_data_with_hostile_strings_round_trips_as_data(string hostile)
    {
        var action = new AdaptiveExecuteAction
        {
            Title = hostile,
            Verb = "measure.update",
            Data = new JsonObject { ["measureId"] = hostile, ["nested"] = new JsonObject { ["list"] = new JsonArray(hostile, 1, true) } },
        };
        var card = new AdaptiveCard { Actions = { action }, Body = { new AdaptiveTextBlock(hostile) } };

        var parsed = JsonNode.Parse(card.ToJson())!;
        var written = parsed["actions"]![0]!;

        Assert.Equal(hostile, (string?)written["title"]);
        Assert.Equal(hostile, (string?)written["data"]!["measureId"]);
        Assert.Equal(hostile, (string?)written["data"]!["nested"]!["list"]![0]);
        Assert.Equal(hostile, (string?)parsed["body"]![0]!["text"]);
        // The data stays one object with exactly the keys given: nothing leaked out of a string.
        Assert.Equal(["measureId", "nested"], written["data"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Submit_data_round_trips_the_same_way()
    {
        const string hostile = "\"}],\"x\":{\"injected\":true";
        var card = new AdaptiveCard { Actions = { new AdaptiveSubmitAction { Data = new JsonObject { ["comment"] = hostile } } } };

        var data = JsonNode.Parse(card.ToJson())!["actions"]![0]!["data"]!.AsObject();

        Assert.Equal(hostile, (string?)data["comment"]);
        Assert.Single(data);
    }

    private sealed record UpdateData(string MeasureId, string ETag, int Revision, bool Notify, string? Missing);

    [Fact]
    public void Records_become_camelCase_data_without_default_omission()
    {
        var data = AdaptiveData.From(new UpdateData("25juni-1.1", "W/\"datetime'2026'\"", 0, false, null));
        var card = new AdaptiveCard { Actions = { new AdaptiveExecuteAction { Verb = "v", Data = data } } };

        var written = JsonNode.Parse(card.ToJson())!["actions"]![0]!["data"]!;

        Assert.Equal("25juni-1.1", (string?)written["measureId"]);
        Assert.Equal("W/\"datetime'2026'\"", (string?)written["eTag"]);
        // Card-model default omission must not reach user data: 0 and false are real values here.
        Assert.Equal(0, (int)written["revision"]!);
        Assert.False((bool)written["notify"]!);
    }

    [Fact]
    public void Data_must_be_an_object()
    {
        Assert.Throws<ArgumentException>(() => AdaptiveData.From("just a string"));
        Assert.Throws<ArgumentException>(() => AdaptiveData.From(NotAnObject));
    }

    [Fact]
    public void The_same_data_object_can_serve_two_cards()
    {
        var data = new JsonObject { ["measureId"] = "m1" };
        var first = new AdaptiveCard { Actions = { new AdaptiveExecuteAction { Verb = "a", Data = data } } };
        var second = new AdaptiveCard { Actions = { new AdaptiveExecuteAction { Verb = "b", Data = data } } };

        Assert.Equal("m1", (string?)first.ToJsonNode()["actions"]![0]!["data"]!["measureId"]);
        Assert.Equal("m1", (string?)second.ToJsonNode()["actions"]![0]!["data"]!["measureId"]);
    }
}
