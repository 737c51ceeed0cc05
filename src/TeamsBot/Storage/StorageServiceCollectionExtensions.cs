using Azure.Identity;
using Microsoft.Extensions.Options;
using TeamsBot.Tables;

namespace TeamsBot.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || Uri.TryCreate(o.TableEndpoint, UriKind.Absolute, out _),
                "Storage is not configured: set Storage:ConnectionString (e.g. UseDevelopmentStorage=true) " +
                "or Storage:TableEndpoint (https://<account>.table.core.windows.net) for managed identity.")
            .Validate(o => o.TablePrefix.All(char.IsAsciiLetterOrDigit), "Storage:TablePrefix may only hold letters and digits.")
            .ValidateOnStart();

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
