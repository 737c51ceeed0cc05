using System.Text.Json.Nodes;
using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.Updates;

/// <summary>How the Action.Submit path answers: replace the card the user acted on (PUT), or send a new message.</summary>
public static class CardReplies
{
    public static Task SendCardAsync(ITurnContext turn, JsonObject card, CancellationToken ct) =>
        turn.SendActivityAsync(Activity.CreateMessageActivity(Attachment.AdaptiveCard(card)), ct);

    /// <summary>PUTs <paramref name="card"/> over the message <see cref="CardAction.ReplyToId"/>; sends it instead when there is none or the PUT fails.</summary>
    public static async Task ReplaceOrSendAsync(ITurnContext turn, CardAction action, JsonObject card, CancellationToken ct)
    {
        if (action.ReplyToId is { Length: > 0 } replyToId)
        {
            try
            {
                var update = Activity.CreateMessageActivity(Attachment.AdaptiveCard(card));
                update.Id = replyToId;
                await turn.UpdateActivityAsync(update, ct);
                return;
            }
            catch (ConnectorException e) when (e is not ConversationBlockedException)
            {
                turn.Logger.LogWarning(e, "Could not update card {ActivityId}; sending the card as a new message", replyToId);
            }
        }
        await SendCardAsync(turn, card, ct);
    }
}
