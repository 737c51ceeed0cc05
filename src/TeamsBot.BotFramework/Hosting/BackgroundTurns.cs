using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TeamsBot.BotFramework.Hosting;

/// <summary>
/// Turns that run past the HTTP answer: they get the application's stopping token (not the request's), their errors
/// are logged with ids (never text), and shutdown waits for them.
/// </summary>
internal sealed class BackgroundTurns(IHostApplicationLifetime lifetime, ILogger<BackgroundTurns> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Starts the turn; the task completes with true on success, false after a logged failure.</summary>
    public Task<bool> Start(Func<CancellationToken, Task> turn, string? conversationId, string? activityId, string? activityType)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await turn(lifetime.ApplicationStopping).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                logger.LogWarning("Turn cancelled by shutdown (conversation {ConversationId}, activity {ActivityId})", conversationId, activityId);
                return false;
            }
            catch (Exception ex)
            {
                TurnFailureLog.Write(logger, ex, activityType, activityId, conversationId);
                return false;
            }
        });
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    public int RunningCount => _running.Count;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var pending = _running.Keys.ToArray();
        if (pending.Length == 0) return;
        logger.LogInformation("Waiting for {Count} running turns", pending.Length);
        await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
