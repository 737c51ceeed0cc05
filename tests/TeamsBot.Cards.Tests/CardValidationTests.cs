using TeamsBot.Testing;

namespace TeamsBot.Cards.Tests;

/// <summary>Every sample card passes Microsoft's adaptivecards library; broken ones are caught (the check is not vacuous).</summary>
public class CardValidationTests
{
    public static TheoryData<string> SampleNames() => [.. SampleCards.All().Keys];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Sample_card_is_valid_for_Teams(string name) =>
        await CardValidator.AssertValidAsync(SampleCards.All()[name].ToJson());

    [Fact]
    public async Task Many_cards_with_a_language_validate_in_one_run()
    {
        var cards = Enumerable.Range(1, 4).Select(i => new AdaptiveCard { Lang = "nb", Body = [new AdaptiveTextBlock($"kort {i}")] }.ToJson()).ToList();

        var results = await CardValidator.ValidateManyAsync(cards);

        Assert.All(results, errors => Assert.Empty(errors));
    }

    [Fact]
    public async Task Fallbacks_an_action_or_drop_are_valid_for_Teams()
    {
        var card = new AdaptiveCard
        {
            Body = [new AdaptiveTextBlock("Tiltak")],
            Actions =
            [
                new AdaptiveExecuteAction
                {
                    Title = "Vis", Verb = "measure.show", Data = new() { ["planId"] = "25-juni" },
                    Fallback = new AdaptiveFallbackElement(new AdaptiveSubmitAction { Title = "Vis", Data = new() { ["verb"] = "measure.show" } }),
                },
                new AdaptiveExecuteAction { Title = "Historikk", Verb = "measure.history", Fallback = AdaptiveFallbackElement.Drop },
            ],
        };

        var errors = await CardValidator.ValidateAsync(card.ToJson());

        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_fallback_that_is_neither_drop_nor_an_action_is_reported()
    {
        const string card = """
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x"}],"actions":[
              {"type":"Action.Execute","verb":"a","fallback":"keep"},
              {"type":"Action.Execute","verb":"b","fallback":{"type":"Action.Submit","titel":"B"}}]}
            """;

        var errors = await CardValidator.ValidateAsync(card);

        Assert.Contains(errors, e => e.StartsWith("InvalidFallback: $.actions[0].fallback", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("UnknownProperty: $.actions[1].fallback.titel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_card_with_an_invalid_language_is_reported()
    {
        var errors = await CardValidator.ValidateAsync(new AdaptiveCard { Lang = "norsk bokmål", Body = [new AdaptiveTextBlock("hei")] }.ToJson());
        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Card_with_duplicate_ids_and_an_empty_choice_set_is_reported()
    {
        var errors = await CardValidator.ValidateAsync(SampleCards.Broken().ToJson());

        Assert.Contains(errors, e => e.StartsWith("DuplicateId:", StringComparison.Ordinal) && e.Contains("\"remark\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("CollectionCantBeEmpty:", StringComparison.Ordinal) && e.Contains("Input.ChoiceSet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Card_version_above_1_5_is_reported()
    {
        var card = SampleCards.Measure();
        card.Version = "1.6";

        var errors = await CardValidator.ValidateAsync(card.ToJson());

        Assert.Contains(errors, e => e.StartsWith("UnsupportedCardVersion:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hand_written_mistakes_are_reported()
    {
        const string card = """
            {
              "type": "AdaptiveCard", "version": "1.5",
              "body": [
                { "type": "TextBlock", "text": "x", "IsVisible": false, "size": "huge" },
                { "type": "Carousel", "pages": [] },
                { "type": "Input.ChoiceSet", "id": "s", "choices": [ { "title": "A", "valu": "a" } ] }
              ],
              "actions": [ { "type": "Action.Execute", "verb": "v", "associatedInputs": "auto" } ]
            }
            """;

        var errors = await CardValidator.ValidateAsync(card);

        Assert.Contains(errors, e => e.StartsWith("UnknownProperty:", StringComparison.Ordinal) && e.Contains("IsVisible", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("InvalidPropertyValue:", StringComparison.Ordinal) && e.Contains("huge", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("UnknownElementType:", StringComparison.Ordinal) && e.Contains("Carousel", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("UnknownProperty:", StringComparison.Ordinal) && e.Contains("valu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Several_cards_are_validated_in_one_run_in_order()
    {
        var results = await CardValidator.ValidateManyAsync([SampleCards.Measure().ToJson(), SampleCards.Broken().ToJson()]);

        Assert.Empty(results[0]);
        Assert.NotEmpty(results[1]);
    }

    [Fact]
    public async Task Assert_valid_fails_with_the_errors_listed()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => CardValidator.AssertValidAsync(SampleCards.Broken().ToJson()));

        Assert.Contains("DuplicateId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_rules_the_library_does_not_know_are_reported()
    {
        var oldVersion = SampleCards.WithRefresh();
        oldVersion.Version = "1.3";
        var tooManyUsers = SampleCards.WithRefresh();
        tooManyUsers.Refresh!.UserIds = [.. Enumerable.Range(0, 61).Select(i => $"29:user{i}")];
        var missingTarget = new AdaptiveCard
        {
            Body = { new AdaptiveTextBlock("x") { Id = "details" } },
            Actions = { new AdaptiveToggleVisibilityAction { Title = "Vis", TargetElements = { "detail" } } },
        };
        var tooLarge = new AdaptiveCard { Body = { new AdaptiveTextBlock(new string('x', 90_000)) } };

        var results = await CardValidator.ValidateManyAsync(
            [oldVersion.ToJson(), tooManyUsers.ToJson(), missingTarget.ToJson(), tooLarge.ToJson()]);

        Assert.Contains(results[0], e => e.StartsWith("UniversalActionsNeedVersion:", StringComparison.Ordinal));
        Assert.Contains(results[1], e => e.StartsWith("TooManyRefreshUserIds:", StringComparison.Ordinal));
        Assert.Contains(results[2], e => e.StartsWith("UnknownTargetElement:", StringComparison.Ordinal) && e.Contains("\"detail\"", StringComparison.Ordinal));
        Assert.Contains(results[3], e => e.StartsWith("CardTooLarge:", StringComparison.Ordinal));
    }
}
