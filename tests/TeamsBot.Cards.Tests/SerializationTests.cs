using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsBot.Cards.Tests;

public class SerializationTests
{
    [Fact]
    public void Card_root_has_type_schema_and_version_1_5()
    {
        var json = new AdaptiveCard().ToJsonNode();

        Assert.Equal("AdaptiveCard", (string?)json["type"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)json["$schema"]);
        Assert.Equal("1.5", (string?)json["version"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", AdaptiveCard.ContentType);
    }

    [Fact]
    public void Empty_card_writes_nothing_but_its_identity()
    {
        var json = new AdaptiveCard().ToJsonNode();

        Assert.Equal(["$schema", "type", "version"], json.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TypedObjects))]
    public void Every_element_action_and_input_writes_its_type_discriminator_first(object model, string expectedType)
    {
        var card = model switch
        {
            AdaptiveElement element => new AdaptiveCard { Body = { element } },
            AdaptiveAction action => new AdaptiveCard { Actions = { action } },
            _ => throw new ArgumentException("Unexpected model.", nameof(model)),
        };

        var json = card.ToJsonNode();
        var written = (model is AdaptiveElement ? json["body"] : json["actions"])![0]!.AsObject();

        Assert.Equal("type", written.First().Key);
        Assert.Equal(expectedType, (string?)written["type"]);
    }

    public static TheoryData<object, string> TypedObjects() => new()
    {
        { new AdaptiveTextBlock("t"), "TextBlock" },
        { new AdaptiveRichTextBlock { Inlines = { new("r") } }, "RichTextBlock" },
        { new AdaptiveFactSet { Facts = { new("a", "b") } }, "FactSet" },
        { new AdaptiveContainer(), "Container" },
        { new AdaptiveColumnSet(), "ColumnSet" },
        { new AdaptiveTable(), "Table" },
        { new AdaptiveImage(new Uri("https://example.org/a.png")), "Image" },
        { new AdaptiveActionSet(), "ActionSet" },
        { new AdaptiveTextInput { Id = "a" }, "Input.Text" },
        { new AdaptiveChoiceSetInput { Id = "b" }, "Input.ChoiceSet" },
        { new AdaptiveDateInput { Id = "c" }, "Input.Date" },
        { new AdaptiveToggleInput("t") { Id = "d" }, "Input.Toggle" },
        { new AdaptiveDonutChart(), "Chart.Donut" },
        { new AdaptiveStackedHorizontalBarChart(), "Chart.HorizontalBar.Stacked" },
        { new AdaptiveExecuteAction { Verb = "v" }, "Action.Execute" },
        { new AdaptiveSubmitAction(), "Action.Submit" },
        { new AdaptiveOpenUrlAction(new Uri("https://example.org/")), "Action.OpenUrl" },
        { new AdaptiveShowCardAction { Card = new AdaptiveCard() }, "Action.ShowCard" },
        { new AdaptiveToggleVisibilityAction { TargetElements = { "x" } }, "Action.ToggleVisibility" },
    };

    [Fact]
    public void Nested_objects_carry_their_schema_types()
    {
        var card = new AdaptiveCard
        {
            Body =
            {
                new AdaptiveColumnSet { Columns = { new AdaptiveColumn() } },
                new AdaptiveTable { Rows = { new AdaptiveTableRow(new AdaptiveTableCell(new AdaptiveTextBlock("c"))) } },
                new AdaptiveRichTextBlock { Inlines = { new AdaptiveTextRun("r") } },
            },
        };

        var body = card.ToJsonNode()["body"]!;

        Assert.Equal("Column", (string?)body[0]!["columns"]![0]!["type"]);
        Assert.Equal("TableRow", (string?)body[1]!["rows"]![0]!["type"]);
        Assert.Equal("TableCell", (string?)body[1]!["rows"]![0]!["cells"]![0]!["type"]);
        Assert.Equal("TextBlock", (string?)body[1]!["rows"]![0]!["cells"]![0]!["items"]![0]!["type"]);
        Assert.Equal("TextRun", (string?)body[2]!["inlines"]![0]!["type"]);
    }

    [Fact]
    public void Nulls_and_schema_defaults_are_omitted()
    {
        var card = new AdaptiveCard { Body = { new AdaptiveTextBlock("hei"), new AdaptiveTable(), new AdaptiveChoiceSetInput { Id = "c" } } };

        var body = card.ToJsonNode()["body"]!;

        Assert.Equal(["text", "type"], body[0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["type"], body[1]!.AsObject().Select(p => p.Key));
        Assert.Equal(["id", "type"], body[2]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Non_default_values_are_written_including_true_defaults_turned_off()
    {
        var card = new AdaptiveCard
        {
            Body =
            {
                new AdaptiveTextBlock("x") { IsVisible = false, Wrap = true, MaxLines = 2, Separator = true },
                new AdaptiveTable { FirstRowAsHeader = false, ShowGridLines = false },
            },
        };

        var body = card.ToJsonNode()["body"]!;

        Assert.False((bool)body[0]!["isVisible"]!);
        Assert.True((bool)body[0]!["wrap"]!);
        Assert.Equal(2, (int)body[0]!["maxLines"]!);
        Assert.True((bool)body[0]!["separator"]!);
        Assert.False((bool)body[1]!["firstRowAsHeader"]!);
        Assert.False((bool)body[1]!["showGridLines"]!);
    }

    [Fact]
    public void Enums_are_schema_camelCase_strings()
    {
        var card = new AdaptiveCard
        {
            Body =
            {
                new AdaptiveTextBlock("x")
                {
                    Size = AdaptiveTextSize.ExtraLarge, Weight = AdaptiveTextWeight.Bolder, Color = AdaptiveTextColor.Attention,
                    HorizontalAlignment = AdaptiveHorizontalAlignment.Center, Spacing = AdaptiveSpacing.ExtraLarge,
                    Height = AdaptiveHeight.Stretch,
                },
                new AdaptiveContainer { Style = AdaptiveContainerStyle.Emphasis },
                new AdaptiveChoiceSetInput { Id = "c", Style = AdaptiveChoiceInputStyle.Expanded },
            },
            Actions = { new AdaptiveSubmitAction { AssociatedInputs = AdaptiveAssociatedInputs.None } },
        };

        var json = card.ToJsonNode();
        var text = json["body"]![0]!;

        Assert.Equal("extraLarge", (string?)text["size"]);
        Assert.Equal("bolder", (string?)text["weight"]);
        Assert.Equal("attention", (string?)text["color"]);
        Assert.Equal("center", (string?)text["horizontalAlignment"]);
        Assert.Equal("extraLarge", (string?)text["spacing"]);
        Assert.Equal("stretch", (string?)text["height"]);
        Assert.Equal("emphasis", (string?)json["body"]![1]!["style"]);
        Assert.Equal("expanded", (string?)json["body"]![2]!["style"]);
        Assert.Equal("none", (string?)json["actions"]![0]!["associatedInputs"]);
    }

    [Fact]
    public void Explicit_default_style_is_written_when_nullable_so_a_container_can_reset_inherited_style()
    {
        var json = new AdaptiveCard { Body = { new AdaptiveContainer { Style = AdaptiveContainerStyle.Default } } }.ToJsonNode();

        Assert.Equal("default", (string?)json["body"]![0]!["style"]);
    }

    [Fact]
    public void Refresh_has_an_execute_action_with_type_and_user_ids()
    {
        var card = new AdaptiveCard
        {
            Refresh = new AdaptiveRefresh(new AdaptiveExecuteAction { Verb = "measure.view" }, ["29:a", "29:b"]),
        };

        var refresh = card.ToJsonNode()["refresh"]!;

        Assert.Equal("Action.Execute", (string?)refresh["action"]!["type"]);
        Assert.Equal("measure.view", (string?)refresh["action"]!["verb"]);
        Assert.Equal(["29:a", "29:b"], refresh["userIds"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void Refresh_distinguishes_no_user_list_from_an_empty_one()
    {
        // Omitted = Teams refreshes automatically for everyone in small conversations; [] = nobody, manual refresh only.
        var omitted = new AdaptiveCard { Refresh = new AdaptiveRefresh(new AdaptiveExecuteAction { Verb = "v" }) }.ToJsonNode();
        var empty = new AdaptiveCard { Refresh = new AdaptiveRefresh(new AdaptiveExecuteAction { Verb = "v" }, []) }.ToJsonNode();

        Assert.False(omitted["refresh"]!.AsObject().ContainsKey("userIds"));
        Assert.Empty(empty["refresh"]!["userIds"]!.AsArray());
    }

    [Fact]
    public void Refresh_refuses_more_than_60_users()
    {
        var users = Enumerable.Range(0, 61).Select(i => $"29:{i}");

        Assert.Throws<ArgumentException>(() => new AdaptiveRefresh(new AdaptiveExecuteAction { Verb = "v" }, users));
    }

    [Fact]
    public void MsTeams_full_width_uses_the_exact_property_name()
    {
        var json = new AdaptiveCard { MsTeams = AdaptiveMsTeams.FullWidth }.ToJsonNode();

        Assert.Equal("Full", (string?)json["msteams"]!["width"]);
    }

    [Fact]
    public void Widths_are_keywords_weights_or_pixels()
    {
        var set = new AdaptiveColumnSet
        {
            Columns = { new() { Width = "auto" }, new() { Width = AdaptiveWidth.Stretch }, new() { Width = 3 }, new() { Width = "50px" } },
        };

        var columns = new AdaptiveCard { Body = { set } }.ToJsonNode()["body"]![0]!["columns"]!;

        Assert.Equal("auto", (string?)columns[0]!["width"]);
        Assert.Equal("stretch", (string?)columns[1]!["width"]);
        Assert.Equal(JsonValueKind.Number, columns[2]!["width"]!.GetValueKind());
        Assert.Equal(3, (int)columns[2]!["width"]!);
        Assert.Equal("50px", (string?)columns[3]!["width"]);
        Assert.Throws<FormatException>(() => AdaptiveWidth.Parse("wide"));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveWidth.Weighted(0));
    }

    [Fact]
    public void Dates_are_written_as_yyyy_MM_dd()
    {
        var input = new AdaptiveDateInput { Id = "d", Value = new DateOnly(2023, 9, 1), Min = new DateOnly(2023, 1, 1), Max = new DateOnly(2030, 12, 31) };

        var json = new AdaptiveCard { Body = { input } }.ToJsonNode()["body"]![0]!;

        Assert.Equal("2023-09-01", (string?)json["value"]);
        Assert.Equal("2023-01-01", (string?)json["min"]);
        Assert.Equal("2030-12-31", (string?)json["max"]);
    }

    [Fact]
    public void Toggle_targets_and_show_card_are_nested_objects()
    {
        var card = new AdaptiveCard
        {
            Actions =
            {
                new AdaptiveToggleVisibilityAction { TargetElements = { "a", new AdaptiveTargetElement("b", isVisible: false) } },
                new AdaptiveShowCardAction { Title = "Mer", Card = new AdaptiveCard { Schema = null, Body = { new AdaptiveTextBlock("inne") } } },
            },
        };

        var actions = card.ToJsonNode()["actions"]!;

        Assert.Equal("a", (string?)actions[0]!["targetElements"]![0]!["elementId"]);
        Assert.False((bool)actions[0]!["targetElements"]![1]!["isVisible"]!);
        Assert.Equal("AdaptiveCard", (string?)actions[1]!["card"]!["type"]);
        Assert.False(actions[1]!["card"]!.AsObject().ContainsKey("$schema"));
    }

    [Fact]
    public void An_action_fallback_is_the_action_it_falls_back_to_written_last()
    {
        var execute = new AdaptiveExecuteAction
        {
            Title = "Lagre",
            Verb = "measure.update",
            Data = new JsonObject { ["measureId"] = "25-juni-22" },
            Fallback = new AdaptiveFallbackElement(new AdaptiveSubmitAction
            {
                Title = "Lagre", Data = new JsonObject { ["verb"] = "measure.update", ["measureId"] = "25-juni-22" },
            }),
        };

        var action = new AdaptiveCard { Actions = { execute } }.ToJsonNode()["actions"]![0]!.AsObject();

        Assert.Equal("fallback", action.Last().Key);
        var fallback = action["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", (string?)fallback["type"]);
        Assert.Equal("Lagre", (string?)fallback["title"]);
        Assert.Equal("measure.update", (string?)fallback["data"]!["verb"]);
        Assert.False(fallback.ContainsKey("fallback"));
    }

    [Fact]
    public void A_dropped_fallback_is_the_string_drop_and_no_fallback_writes_nothing()
    {
        var card = new AdaptiveCard
        {
            Actions =
            {
                new AdaptiveExecuteAction { Verb = "a", Fallback = AdaptiveFallbackElement.Drop },
                new AdaptiveExecuteAction { Verb = "b" },
            },
        };

        var actions = card.ToJsonNode()["actions"]!;

        Assert.Equal("drop", (string?)actions[0]!["fallback"]);
        Assert.False(actions[1]!.AsObject().ContainsKey("fallback"));
        Assert.Throws<ArgumentException>(() => new AdaptiveFallbackElement(AdaptiveFallbackType.Content));
    }

    [Fact]
    public void A_fallback_reads_back_as_it_was_written()
    {
        var json = new AdaptiveCard
        {
            Actions =
            {
                new AdaptiveExecuteAction { Verb = "a", Fallback = new AdaptiveFallbackElement(new AdaptiveSubmitAction { Title = "A" }) },
                new AdaptiveExecuteAction { Verb = "b", Fallback = AdaptiveFallbackElement.Drop },
            },
        }.ToJsonNode()["actions"]!;

        var submit = json[0]!["fallback"].Deserialize<AdaptiveFallbackElement>(JsonSerializerOptions.Web)!;
        var drop = json[1]!["fallback"].Deserialize<AdaptiveFallbackElement>(JsonSerializerOptions.Web)!;

        Assert.Equal(AdaptiveFallbackType.Content, submit.Type);
        Assert.Equal("A", Assert.IsType<AdaptiveSubmitAction>(submit.Content).Title);
        Assert.Same(AdaptiveFallbackElement.Drop, drop);
    }

    [Fact]
    public void ToJson_ToJsonNode_and_ToJsonElement_agree()
    {
        var card = SampleCards.StatusForm();

        var fromString = JsonNode.Parse(card.ToJson())!;
        var fromIndented = JsonNode.Parse(card.ToJson(indented: true))!;
        var fromElement = JsonNode.Parse(card.ToJsonElement().GetRawText())!;

        Assert.True(JsonNode.DeepEquals(fromString, card.ToJsonNode()));
        Assert.True(JsonNode.DeepEquals(fromString, fromIndented));
        Assert.True(JsonNode.DeepEquals(fromString, fromElement));
    }

    [Fact]
    public void Norwegian_letters_stay_readable_but_html_sensitive_characters_are_escaped()
    {
        var json = new AdaptiveCard { Body = { new AdaptiveTextBlock("Pågående tiltak </script>") } }.ToJson();

        Assert.Contains("Pågående", json);
        Assert.DoesNotContain("</script>", json);
        Assert.Equal("Pågående tiltak </script>", (string?)JsonNode.Parse(json)!["body"]![0]!["text"]);
    }
}
