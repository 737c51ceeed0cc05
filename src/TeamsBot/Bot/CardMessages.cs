using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Cards;

namespace TeamsBot.Bot;

/// <summary>The one way a card reaches a conversation: as a new message of its own, or over the message it replaces.</summary>
public static class CardMessages
{
    /// <summary>
    /// A message with the card as its only attachment and no text (Teams would split text and card into two messages).
    /// <paramref name="summary"/> becomes Activity.Summary: what notifications and the chat list show for a card.
    /// </summary>
    public static Activity From(AdaptiveCard card, string? summary = null) => new(ActivityTypes.Message)
    {
        Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.ToJsonElement() }],
        Summary = summary,
    };

    public static Task SendAsync(ITurnContext turn, AdaptiveCard card, string? summary, CancellationToken ct) =>
        turn.SendActivityAsync(From(card, summary), ct);

    /// <summary>
    /// PUTs <paramref name="card"/> over the message <paramref name="replyToId"/>; sends it as a new message instead when
    /// there is none or the connector refused the PUT (4xx: e.g. the message is gone). After a 5xx or a timeout the PUT
    /// may have been applied, so a second copy is not sent: the failure is left to the caller.
    /// </summary>
    public static async Task ReplaceOrSendAsync(ITurnContext turn, string? replyToId, AdaptiveCard card, CancellationToken ct)
    {
        if (replyToId is { Length: > 0 })
        {
            try
            {
                var update = From(card);
                update.Id = replyToId;
                await turn.UpdateActivityAsync(update, ct);
                return;
            }
            catch (ConnectorException e) when (e is not ConversationBlockedException && IsRefusal(e))
            {
                turn.Logger.LogWarning(e, "Could not update card {ActivityId}; sending the card as a new message", replyToId);
            }
        }
        await SendAsync(turn, card, summary: null, ct);
    }

    private static bool IsRefusal(ConnectorException e) => e.StatusCode is { } status && (int)status is >= 400 and < 500;
}
