using TeamsBot.BotFramework.Schema;
using TeamsBot.Cards;

namespace TeamsBot.Chat.Answers;

/// <summary>Messages that carry one card.</summary>
public static class CardMessages
{
    /// <summary>
    /// A message with the card as its only attachment and no text (Teams would split text and card into two messages).
    /// <paramref name="summaryText"/> becomes Activity.Summary: what notifications and the chat list show for a card.
    /// </summary>
    public static Activity From(AdaptiveCard card, string summaryText) => new(ActivityTypes.Message)
    {
        Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.ToJsonElement() }],
        Summary = summaryText,
    };
}
