namespace TeamsBot.BotFramework.Connector;

/// <summary>A conversation the connector refused writes to (403 MessageWritesBlocked or ConversationBlockedByUser).</summary>
public sealed record BlockedConversation(string ServiceUrl, string? TenantId, string ConversationId, string ErrorCode);

/// <summary>
/// Told by the connector client when a write is refused because the bot was blocked or removed, before the call
/// throws <see cref="ConversationBlockedException"/>; e.g. the application's conversation registry marks it inactive.
/// Register any number in DI. A listener's failure is logged and does not change what the caller sees.
/// </summary>
public interface IConversationBlockedListener
{
    Task OnConversationBlockedAsync(BlockedConversation conversation, CancellationToken cancellationToken);
}
