namespace TeamsBot.Scheduling;

/// <summary>
/// The loop of every poller (brief, rounds, nudges): one poll, then a wait on the app's clock, until the app stops. A
/// failed poll is logged and the next one tries again; only the app's own stopping ends the loop.
/// </summary>
public static class PollLoop
{
    public static async Task RunAsync(
        string name, TimeSpan interval, TimeProvider time, ILogger logger, Func<CancellationToken, Task> pollAsync, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pollAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Poll} poll failed; trying again at the next poll", name);
            }
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
