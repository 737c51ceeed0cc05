using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Authentication;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Diagnostics;
using TeamsBot.BotFramework.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Inbound authentication, the connector client and the adapter. Reads MicrosoftAppType/Id/Password/TenantId (top
    /// level), AllowedTenantIds (top level or "BotFramework"), the "BotFramework" and "BotConnector" sections.
    /// The application registers its <see cref="IBot"/> and maps the endpoint with MapBotMessages.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotAuthentication(configuration);
        services.AddBotConnector(configuration);
        services.Configure<BotEndpointOptions>(configuration.GetSection(BotEndpointOptions.SectionName));
        services.TryAddSingleton<CloudAdapter>();
        services.TryAddSingleton<InboundActivityReader>();
        services.TryAddSingleton<BackgroundTurns>();
        services.TryAddSingleton<Redeliveries>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundTurns>());
        services.TryAddSingleton<BotMessageHandler>();
        return services;
    }

    /// <summary>Options and JWT validation of inbound activities, plus the development-mode loopback guard.</summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        AddAuthenticationOptions(services, configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SigningKeyProvider.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<SigningKeyProvider>();
        services.TryAddSingleton<IBotAuthenticator, BotFrameworkAuthenticator>();
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.AddHostedService<DevelopmentModeGuard>();
        return services;
    }

    /// <summary><see cref="IConnectorClient"/> on the named HttpClient "BotConnector", with the bot token, rate limits and retries.</summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        AddAuthenticationOptions(services, configuration);
        services.Configure<BotConnectorOptions>(configuration.GetSection(BotConnectorOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        // ConnectorClient logs its own failures and retries; IHttpClientFactory's per-request log scope and lines
        // (Information, so filtered out anyway) cost every reply CPU and allocations for nothing.
        services.AddHttpClient(BotConnectorOptions.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.TryAddSingleton<IBotTokenProvider, BotTokenProvider>();
        services.TryAddSingleton<ITenantBudgetShare, FixedTenantBudgetShare>();
        services.TryAddSingleton<ConnectorRateLimiter>();
        services.AddMetrics(); // IMeterFactory, for BotTelemetry (a web host has it already)
        services.TryAddSingleton<BotTelemetry>();
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        return services;
    }

    private static void AddAuthenticationOptions(IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(AuthenticationOptionsMarker))) return;
        services.AddSingleton<AuthenticationOptionsMarker>();
        services.AddOptions<BotFrameworkAuthenticationOptions>()
            .Configure(o =>
            {
                configuration.Bind(o);
                configuration.GetSection(BotFrameworkAuthenticationOptions.SectionName).Bind(o);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkAuthenticationOptions>, BotFrameworkAuthenticationOptionsValidator>());
    }

    private sealed class AuthenticationOptionsMarker;
}
