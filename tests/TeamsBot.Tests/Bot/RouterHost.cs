using TeamsBot.Bot;
using TeamsBot.Telemetry;

namespace TeamsBot.Tests.Bot;

/// <summary>A card-action router on a container of its own, with the handlers the test registers.</summary>
internal static class RouterHost
{
    public static ServiceProvider Services(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddSingleton<TeamsBotTelemetry>().AddSingleton<CardActionTelemetry>().AddSingleton<CardActionRouter>();
        register(services);
        return services.BuildServiceProvider();
    }

    public static CardActionRouter Router(Action<IServiceCollection> register) => Services(register).GetRequiredService<CardActionRouter>();
}
