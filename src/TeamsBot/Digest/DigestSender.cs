using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Telemetry;

namespace TeamsBot.Digest;

/// <summary>Outcome of posting one brief.</summary>
public abstract record DigestSendResult
{
    public sealed record Posted(string ConversationId, string? ActivityId) : DigestSendResult;

    /// <summary>403 MessageWritesBlocked: the bot is blocked or removed in that channel.</summary>
    public sealed record Blocked : DigestSendResult;

    public sealed record Failed(Exception Error) : DigestSendResult;

    /// <summary>500/502/504 or no answer after sending: Teams may have posted it, so it must not be posted again.</summary>
    public sealed record MaybePosted(Exception Error) : DigestSendResult;
}

/// <summary>Posts a brief as a new thread in the subscription's channel, through the connector's limits and retries.</summary>
public sealed class DigestSender(IConnectorClient connector, DigestTelemetry telemetry)
{
    public async Task<DigestSendResult> SendAsync(DigestSubscription subscription, Activity brief, CancellationToken ct)
    {
        using var timing = telemetry.StartPost();
        return timing.Finished(await TrySendAsync(subscription, brief, ct));
    }

    private async Task<DigestSendResult> TrySendAsync(DigestSubscription subscription, Activity brief, CancellationToken ct)
    {
        try
        {
            var parameters = ConversationParameters.ForChannelThread(subscription.ChannelId, subscription.TenantId, brief);
            var response = await connector.CreateConversationAsync(subscription.ServiceUrl, parameters, ct);
            return new DigestSendResult.Posted(response.Id ?? subscription.ChannelId, response.ActivityId);
        }
        catch (ConversationBlockedException)
        {
            return new DigestSendResult.Blocked();
        }
        catch (ConnectorException e) when (e.MayHaveBeenDelivered)
        {
            return new DigestSendResult.MaybePosted(e);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or InvalidOperationException or ArgumentException)
        {
            return new DigestSendResult.Failed(e);
        }
    }
}
