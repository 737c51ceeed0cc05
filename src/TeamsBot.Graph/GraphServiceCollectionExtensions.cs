using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace TeamsBot.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDirectory"/>: Microsoft Graph when credentials are configured (or given), otherwise
    /// <see cref="NullDirectory"/>. Pass a credential to override the one chosen from configuration (tests do).
    /// </summary>
    public static IServiceCollection AddTeamsBotGraph(this IServiceCollection services, IConfiguration configuration, TokenCredential? credential = null)
    {
        var options = configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions();
        string? reason = null;
        if (!options.Enabled)
        {
            reason = "Graph:Enabled is false";
        }
        else
        {
            credential ??= GraphCredentials.FromConfiguration(configuration, out reason);
        }

        if (!options.Enabled || credential is null)
        {
            services.AddSingleton<IDirectory, NullDirectory>();
            services.AddHostedService(sp => new DirectoryStartupNotice(sp.GetRequiredService<ILogger<NullDirectory>>(), reason ?? "no credentials"));
            return services;
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            throw new InvalidOperationException($"Graph:BaseUrl '{options.BaseUrl}' must be an absolute URL such as {GraphOptions.DefaultBaseUrl}.");
        }

        services.AddMemoryCache();
        services.AddHttpClient(GraphClientSource.HttpClientName)
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
            {
                // Graph's own middleware (retry with Retry-After, redirects, compression, telemetry), with our retry bounds.
                foreach (var handler in GraphClientFactory.CreateDefaultHandlers())
                {
                    handlers.Add(handler is RetryHandler ? new RetryHandler(RetryOptions(options)) : handler);
                }
            });
        services.AddSingleton(options);
        services.AddSingleton(sp => new GraphClientSource(sp.GetRequiredService<IHttpClientFactory>(), credential, options));
        services.AddSingleton<IDirectory, GraphDirectory>();
        return services;
    }

    private static RetryHandlerOption RetryOptions(GraphOptions options) => new()
    {
        MaxRetry = options.MaxRetries,
        RetriesTimeLimit = options.MaxRetryWait,
    };
}
