using TeamsBot.Storage;

namespace TeamsBot.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Who may do what: the Roles table, edit rights on measures, coordinators, and the people behind an owner unit.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTable(RoleStore.TableName);
        services.AddSingleton<RoleStore>();
        services.AddSingleton<EditAuthorization>();
        services.AddSingleton<CoordinatorAuthorization>();
        services.Configure<OwnerGroupOptions>(o => configuration.GetSection(OwnerGroupOptions.Section).Bind(o.Groups));
        services.AddSingleton<OwnerPeople>();
        return services;
    }
}
