using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace TeamsBot.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new TableServiceClient(new Uri(options.TableEndpoint!), new DefaultAzureCredential())
                : new TableServiceClient(options.ConnectionString);
        });
        services.AddHostedService<TableInitializer>();
        return services;
    }

    public static IServiceCollection AddTable(this IServiceCollection services, string name)
    {
        services.AddSingleton(new RequiredTable(name));
        return services;
    }
}
