using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Connector;
using TeamsBot.Conversations;
using TeamsBot.Files;
using TeamsBot.Localization;
using TeamsBot.Storage;

namespace TeamsBot.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// The Teams bot: the activity router, the install registry, card actions by verb (each feature adds its handlers
    /// with AddCardActionHandler), and the chat commands in the order <paramref name="chatCommands"/> lists them.
    /// </summary>
    public static IServiceCollection AddTeamsBot(this IServiceCollection services, IConfiguration configuration, Action<ChatCommandOrder> chatCommands)
    {
        services.AddBotFramework(configuration);
        services.AddTable("Conversations");
        services.AddSingleton<ConversationRegistry>();
        services.AddSingleton<IConversationBlockedListener>(sp => sp.GetRequiredService<ConversationRegistry>());
        services.AddSingleton<OsloClock>();
        var order = new ChatCommandOrder(services);
        chatCommands(order);
        services.AddSingleton(sp => new ChatCommands([.. order.Types.Select(t => (IChatCommand)sp.GetRequiredService(t))]));
        services.AddSingleton<CardActionRouter>();
        services.AddFiles(configuration);
        services.AddSingleton<IBot, TeamsBotHandler>();
        return services;
    }
}
