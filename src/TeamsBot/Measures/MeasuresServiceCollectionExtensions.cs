using TeamsBot.Measures.Import;
using TeamsBot.Measures.Storage;
using TeamsBot.Storage;

namespace TeamsBot.Measures;

public static class MeasuresServiceCollectionExtensions
{
    public static IServiceCollection AddMeasures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MeasureIndexOptions>().Bind(configuration.GetSection(MeasureIndexOptions.Section));
        services.AddTable("Plans").AddTable("Measures");
        services.AddSingleton<MeasureStore>();
        services.AddSingleton<MeasureIndex>();
        services.AddSingleton<PlanImporter>();
        services.AddSingleton<MeasureIndexLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<MeasureIndexLoader>());
        return services;
    }
}
