using System.Text.Json.Nodes;
using TeamsBot.Bot;
using TeamsBot.Cards;

namespace TeamsBot.Tests.Bot;

public class SubmitFallbacksTests
{
    [Fact]
    public void Each_top_level_execute_action_falls_back_to_a_submit_carrying_its_verb_data_and_inputs()
    {
        var card = new AdaptiveCard
        {
            Actions =
            [
                new AdaptiveExecuteAction { Title = "Lagre", Verb = "measure.update", Data = new JsonObject { ["planId"] = "p" } },
                new AdaptiveExecuteAction { Title = "Avbryt", Verb = "measure.refresh", AssociatedInputs = AdaptiveAssociatedInputs.None },
                new AdaptiveOpenUrlAction(new Uri("https://example.org/")),
            ],
        };

        SubmitFallbacks.AddTo(card);

        var save = Assert.IsType<AdaptiveSubmitAction>(card.Actions[0].Fallback!.Content);
        Assert.Equal("Lagre", save.Title);
        Assert.Equal("""{"planId":"p","verb":"measure.update"}""", save.Data!.ToJsonString());
        var cancel = Assert.IsType<AdaptiveSubmitAction>(card.Actions[1].Fallback!.Content);
        Assert.Equal((AdaptiveAssociatedInputs.None, "measure.refresh"), (cancel.AssociatedInputs, (string?)cancel.Data![CardAction.SubmitVerbKey]));
        Assert.Null(card.Actions[2].Fallback);
        Assert.False(((AdaptiveExecuteAction)card.Actions[0]).Data!.ContainsKey("verb")); // the Execute's own data is untouched
    }

    [Fact]
    public void An_action_with_a_fallback_of_its_own_keeps_it()
    {
        var card = new AdaptiveCard { Actions = [new AdaptiveExecuteAction { Verb = "a", Fallback = AdaptiveFallbackElement.Drop }] };

        SubmitFallbacks.AddTo(card);

        Assert.Same(AdaptiveFallbackElement.Drop, card.Actions[0].Fallback);
    }
}
