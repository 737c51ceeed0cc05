using TeamsBot.Storage;

namespace TeamsBot.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Who may do what: the Roles table, edit rights on measures, coordinators.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddTable(RoleStore.TableName);
        services.AddSingleton<RoleStore>();
        services.AddSingleton<EditAuthorization>();
        services.AddSingleton<CoordinatorAuthorization>();
        return services;
    }
}
