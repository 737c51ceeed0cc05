using TeamsBot.Storage;

namespace TeamsBot.Throttling;

public static class ThrottlingServiceCollectionExtensions
{
    /// <summary>The instances share Teams' per-tenant limit through Table Storage (see TeamsBot.BotFramework's TenantBudgetHeartbeat).</summary>
    public static IServiceCollection AddSharedConnectorBudget(this IServiceCollection services)
    {
        services.AddTable(TableTenantBudgetStore.TableName);
        services.AddSharedTenantBudget<TableTenantBudgetStore>();
        return services;
    }
}
