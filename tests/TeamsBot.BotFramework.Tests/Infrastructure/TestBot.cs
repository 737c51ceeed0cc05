using System.Collections.Concurrent;
using System.Text.Json;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework.Tests.Infrastructure;

/// <summary>An ActivityHandler that records what reached it; behaviour per test through the On* delegates.</summary>
public sealed class TestBot : ActivityHandler
{
    private readonly ConcurrentQueue<(string Handler, Activity Activity)> _calls = new();

    public IReadOnlyList<(string Handler, Activity Activity)> Calls => _calls.ToArray();
    public IReadOnlyList<Activity> Turns => _calls.Where(c => c.Handler == "turn").Select(c => c.Activity).ToArray();

    public Func<ITurnContext, CancellationToken, Task>? OnMessage { get; set; }
    public Func<ITurnContext, AdaptiveCardInvokeValue, CancellationToken, Task<AdaptiveCardInvokeResponse?>>? OnCardAction { get; set; }

    /// <summary>Completed when a turn (including background work) finished.</summary>
    public TaskCompletionSource<Activity> TurnCompleted { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("turn", turnContext.Activity));
        await base.OnTurnAsync(turnContext, cancellationToken);
        TurnCompleted.TrySetResult(turnContext.Activity);
    }

    protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("message", turnContext.Activity));
        return OnMessage?.Invoke(turnContext, cancellationToken) ?? Task.CompletedTask;
    }

    protected override Task OnCardSubmitAsync(ITurnContext turnContext, JsonElement value, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("submit", turnContext.Activity));
        return Task.CompletedTask;
    }

    protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("membersAdded", turnContext.Activity));
        return Task.CompletedTask;
    }

    protected override Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("membersRemoved", turnContext.Activity));
        return Task.CompletedTask;
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("installAdd", turnContext.Activity));
        return Task.CompletedTask;
    }

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("installRemove", turnContext.Activity));
        return Task.CompletedTask;
    }

    protected override Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("cardAction", turnContext.Activity));
        return OnCardAction?.Invoke(turnContext, invokeValue, cancellationToken) ?? Task.FromResult<AdaptiveCardInvokeResponse?>(null);
    }

    protected override Task OnTeamsFileConsentAcceptAsync(ITurnContext turnContext, FileConsentCardResponse fileConsentCardResponse, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("fileConsentAccept", turnContext.Activity));
        return Task.CompletedTask;
    }

    protected override Task OnTeamsFileConsentDeclineAsync(ITurnContext turnContext, FileConsentCardResponse fileConsentCardResponse, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("fileConsentDecline", turnContext.Activity));
        return Task.CompletedTask;
    }

    protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("unrecognized", turnContext.Activity));
        return Task.CompletedTask;
    }
}
