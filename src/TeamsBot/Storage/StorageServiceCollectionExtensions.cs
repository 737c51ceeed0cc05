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
            var clientOptions = BoundedRetries(options);
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new TableServiceClient(new Uri(options.TableEndpoint!), new DefaultAzureCredential(), clientOptions)
                : new TableServiceClient(options.ConnectionString, clientOptions);
        });
        services.AddHostedService<TableInitializer>();
        services.AddSingleton<StorageHealth>();
        return services;
    }

    private static TableClientOptions BoundedRetries(StorageOptions options)
    {
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.Mode = Azure.Core.RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        return clientOptions;
    }

    public static IServiceCollection AddTable(this IServiceCollection services, string name)
    {
        services.AddSingleton(new RequiredTable(name));
        return services;
    }
}
