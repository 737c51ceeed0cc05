using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Conversations;

namespace TeamsBot.Digest;

/// <summary>
/// Tells the coordinator who subscribed that a channel refused the brief, in their personal chat with the bot if
/// they have one (the install registry knows); otherwise the warning in the log is all there is.
/// </summary>
public sealed class DigestBlockedNotifier(ConversationRegistry conversations, IConnectorClient connector, ILogger<DigestBlockedNotifier> logger)
{
    public async Task NotifyAsync(DigestSubscription subscription, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(subscription.CreatedBy)) return;
        try
        {
            ConversationRecord? chat = null;
            await foreach (var record in conversations.ListAsync(ct))
            {
                if (record is { ConversationType: "personal", Active: true } && record.TenantId == subscription.TenantId &&
                    string.Equals(record.InstalledBy, subscription.CreatedBy, StringComparison.OrdinalIgnoreCase))
                {
                    chat = record;
                    break;
                }
            }
            if (chat is null)
            {
                logger.LogWarning("No personal chat with the coordinator of {Subscription}; the pause is only logged", subscription.Key);
                return;
            }
            var message = Activity.CreateMessageActivity(DigestTexts.For(Localization.UserLanguages.FromLocale(chat.Locale)).BlockedNotice);
            await connector.SendToConversationAsync(chat.ServiceUrl, chat.ConversationId, message, ct);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or Azure.RequestFailedException)
        {
            logger.LogWarning(e, "Could not tell the coordinator of {Subscription} about the paused brief", subscription.Key);
        }
    }
}
