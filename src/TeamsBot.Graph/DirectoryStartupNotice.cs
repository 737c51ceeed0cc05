using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TeamsBot.Graph;

/// <summary>Says once, at start, that the bot runs without Microsoft Graph and what it uses instead.</summary>
internal sealed class DirectoryStartupNotice(ILogger<NullDirectory> logger, string reason) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Microsoft Graph not configured: owners from plan data, roles from the Roles table ({Reason})", reason);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
