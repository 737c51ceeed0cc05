using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Hosting;
using TeamsBot.Conversations;

namespace TeamsBot.Bot;

public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddTeamsBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotFramework(configuration);
        services.AddSingleton<ConversationRegistry>();
        services.AddSingleton<IBot, TeamsBotHandler>();
        return services;
    }
}
