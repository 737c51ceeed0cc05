using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Hosting;
using TeamsBot.Conversations;
using TeamsBot.Storage;
using TeamsBot.Localization;

namespace TeamsBot.Bot;

public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddTeamsBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotFramework(configuration);
        services.AddTable("Conversations");
        services.AddSingleton<ConversationRegistry>();
        services.AddSingleton<OsloClock>();
        services.AddSingleton<IChatCommand, BasicChatCommands>();
        services.AddSingleton<IBot, TeamsBotHandler>();
        return services;
    }
}
