using System.Text.Json;
using TeamsBot.Bot;
using TeamsBot.Cards;

namespace TeamsBot.Tests.Bot;

public class CardMessagesTests
{
    [Fact]
    public void CardMessages_carry_only_the_card_and_a_summary()
    {
        var card = new AdaptiveCard { Body = [new AdaptiveTextBlock("Hei")] };

        var activity = CardMessages.From(card, "Oppsummering");

        Assert.Equal("message", activity.Type);
        Assert.Null(activity.Text);
        Assert.Equal("Oppsummering", activity.Summary);
        Assert.Equal(card.ToJson(), JsonSerializer.Serialize((JsonElement)Assert.Single(activity.Attachments!).Content!));
    }
}
