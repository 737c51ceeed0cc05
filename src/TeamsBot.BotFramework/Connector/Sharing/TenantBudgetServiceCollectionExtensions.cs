using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Connector.Sharing;

namespace Microsoft.Extensions.DependencyInjection;

public static class TenantBudgetServiceCollectionExtensions
{
    /// <summary>
    /// The instances of the app share each tenant's budget (<see cref="BotConnectorOptions.PerTenantPerSecond"/>) in
    /// equal parts, agreed through <typeparamref name="TStore"/> (a heartbeat row per instance), instead of each assuming
    /// <see cref="BotConnectorOptions.Instances"/>. Call after AddBotConnector or AddBotFramework.
    /// </summary>
    public static IServiceCollection AddSharedTenantBudget<TStore>(this IServiceCollection services)
        where TStore : class, ITenantBudgetStore
    {
        services.AddOptions<BotConnectorOptions>().Validate(
            o => o.ShareHeartbeatInterval > TimeSpan.Zero && o.ShareExpiry >= 2 * o.ShareHeartbeatInterval,
            "BotConnector:ShareExpiry must be at least twice BotConnector:ShareHeartbeatInterval, and the interval positive.");
        services.TryAddSingleton<ITenantBudgetStore, TStore>();
        // Until the first beat: the configured share, as without a store.
        services.TryAddSingleton(sp => new TenantBudgetShare(new RateShare(Math.Max(1, sp.GetRequiredService<IOptions<BotConnectorOptions>>().Value.Instances))));
        services.Replace(ServiceDescriptor.Singleton<ITenantBudgetShare>(sp => sp.GetRequiredService<TenantBudgetShare>()));
        services.TryAddSingleton<TenantBudgetHeartbeat>();
        services.AddHostedService(sp => sp.GetRequiredService<TenantBudgetHeartbeat>());
        return services;
    }
}
