namespace TeamsBot.Chat.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>Registers <see cref="MeasureSearch"/> (needs <c>MeasureIndex</c>) and its <see cref="TextAnalyzer"/>.</summary>
    public static IServiceCollection AddMeasureSearch(this IServiceCollection services)
    {
        services.AddSingleton<MeasureSearch>();
        services.AddSingleton(sp => sp.GetRequiredService<MeasureSearch>().Analyzer);
        return services;
    }
}
