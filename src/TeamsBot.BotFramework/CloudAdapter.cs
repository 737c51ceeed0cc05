using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Diagnostics;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework;

/// <summary>
/// Runs turns: each in its own DI scope (so a turn may outlive the HTTP request), with a logging scope of conversation
/// and activity ids. Also the entry for proactive messages.
/// </summary>
public sealed class CloudAdapter(IServiceScopeFactory scopes, IConnectorClient connector, BotTelemetry telemetry, ILogger<CloudAdapter> logger)
{
    public const string ContinueConversationEventName = "ContinueConversation";

    /// <summary>Runs <paramref name="activity"/> through the <see cref="IBot"/> registered in DI; returns the invoke response, if any.</summary>
    public async Task<InvokeResponse?> ProcessActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        return await RunTurnAsync(activity, scope.ServiceProvider, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="bot"/> on <paramref name="activity"/>.</summary>
    public async Task<InvokeResponse?> ProcessActivityAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await RunTurnAsync(activity, scope.ServiceProvider, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A proactive turn in a stored conversation: <see cref="ITurnContext.SendActivityAsync(Activity, CancellationToken)"/>
    /// posts a new message (or a reply in the thread when the reference has an activity id).
    /// </summary>
    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var activity = new Activity(ActivityTypes.Event) { Name = ContinueConversationEventName }.ApplyConversationReference(reference, isIncoming: true);
        activity.ServiceUrl ??= BotConnectorOptions.TeamsDefaultServiceUrl;
        await using var scope = scopes.CreateAsyncScope();
        await RunTurnAsync(activity, scope.ServiceProvider, (context, ct) => callback(context, ct), cancellationToken).ConfigureAwait(false);
    }

    private async Task<InvokeResponse?> RunTurnAsync(Activity activity, IServiceProvider services, Func<ITurnContext, CancellationToken, Task> turn, CancellationToken cancellationToken)
    {
        using var _ = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ConversationId"] = activity.Conversation?.Id,
            ["ActivityId"] = activity.Id,
            ["ActivityType"] = activity.Type,
        });
        using var span = telemetry.StartTurn(activity);
        var context = new TurnContext(activity, connector, services, logger);
        try
        {
            await turn(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            BotTelemetry.Failed(span, e);
            throw;
        }
        return context.InvokeResponse;
    }
}
