using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TeamsBot.BotFramework.Authentication;

/// <summary>
/// Without MicrosoftAppId nothing inbound is authenticated, which is only acceptable on a loopback address: once the
/// server has bound, any other address stops the application.
/// </summary>
internal sealed class DevelopmentModeGuard(
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    IOptions<BotFrameworkAuthenticationOptions> options,
    ILogger<DevelopmentModeGuard> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsDevelopmentMode) lifetime.ApplicationStarted.Register(Check);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Check()
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count > 0)
        {
            logger.LogCritical(
                "MicrosoftAppId is not set (development mode: inbound requests are NOT authenticated), but the server listens on {Addresses}. " +
                "Bind to 127.0.0.1 only, or configure MicrosoftAppId. Stopping.",
                string.Join(", ", exposed));
            lifetime.StopApplication();
            return;
        }
        logger.LogWarning("Development mode: MicrosoftAppId is not set, inbound activities are not authenticated (listening on {Addresses})",
            string.Join(", ", addresses));
    }

    internal static bool IsLoopback(string address)
    {
        var normalized = address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        return Uri.TryCreate(normalized, UriKind.Absolute, out var uri) && uri.IsLoopback;
    }
}
