using Microsoft.Extensions.Options;
using TeamsBot.Access;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Conversations;
using TeamsBot.Graph;
using TeamsBot.Localization;

namespace TeamsBot.Rounds;

/// <summary>How one send to one person ended.</summary>
public enum DeliveryResult
{
    Sent,
    /// <summary>No personal chat, and the app could not be installed for them (Graph off, no Entra id, not in the catalog).</summary>
    Unreachable,
    /// <summary>Teams refused (blocked, removed): final for this step.</summary>
    Blocked,
    /// <summary>The connector answered 500/502/504 or not at all after sending: it may have arrived, so it is not sent again.</summary>
    MaybeSent,
    /// <summary>Nothing was delivered; the step may be tried again.</summary>
    Failed,
}

public sealed record Delivery(DeliveryResult Result, string? ConversationId = null);

/// <summary>
/// Reaches an owner in personal chat: the chat the Conversations registry knows from their install, or — when Graph is
/// on — the app installed for them (POST /users/{id}/teamwork/installedApps) and a 1:1 conversation created through
/// the connector (POST /v3/conversations).
/// </summary>
public sealed class RoundDelivery(
    ConversationRegistry conversations,
    IDirectory directory,
    IConnectorClient connector,
    IOptions<RoundOptions> options,
    ILogger<RoundDelivery> logger)
{
    public static bool CanInstall(IDirectory directory, RoundOptions options) => directory.IsConfigured && options.TeamsAppId is { Length: > 0 };

    /// <summary>The language to write to the person in: their chat's locale when known, else the round's.</summary>
    public async Task<(ConversationRecord? Chat, UserLanguage Language)> ChatOfAsync(Round round, OwnerPerson person, CancellationToken ct)
    {
        var chat = await conversations.FindPersonalAsync(round.TenantId, person.AadObjectId, person.TeamsId, ct);
        return (chat, chat?.Locale is { Length: > 0 } locale ? UserLanguages.FromLocale(locale) : round.Language);
    }

    public async Task<Delivery> SendAsync(Round round, OwnerPerson person, ConversationRecord? chat, Activity activity, CancellationToken ct)
    {
        try
        {
            if (chat is not null)
            {
                await connector.SendToConversationAsync(chat.ServiceUrl, chat.ConversationId, activity, ct);
                return new Delivery(DeliveryResult.Sent, chat.ConversationId);
            }
            var o = options.Value;
            if (!CanInstall(directory, o) || person.AadObjectId is not { } aad) return new Delivery(DeliveryResult.Unreachable);
            if (await directory.EnsureAppInstalledForUserAsync(aad, o.TeamsAppId!, ct) is not (AppInstallResult.Installed or AppInstallResult.AlreadyInstalled))
                return new Delivery(DeliveryResult.Unreachable);
            var created = await connector.CreateConversationAsync(o.ServiceUrl,
                ConversationParameters.ForPersonalChat(new ChannelAccount { Id = aad, AadObjectId = aad }, round.TenantId, activity: activity), ct);
            return new Delivery(DeliveryResult.Sent, created.Id);
        }
        catch (ConversationBlockedException)
        {
            return new Delivery(DeliveryResult.Blocked);
        }
        catch (ConnectorException e) when (e.MayHaveBeenDelivered)
        {
            logger.LogWarning(e, "A round message to {Person} may or may not have arrived; not sent again", person.Key);
            return new Delivery(DeliveryResult.MaybeSent);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or DirectoryException)
        {
            logger.LogWarning(e, "A round message to {Person} failed; it is tried again later", person.Key);
            return new Delivery(DeliveryResult.Failed);
        }
    }
}
