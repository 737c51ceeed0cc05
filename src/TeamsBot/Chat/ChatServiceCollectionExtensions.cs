using TeamsBot.Bot;
using TeamsBot.Chat.Answers;
using TeamsBot.Chat.Search;

namespace TeamsBot.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>Questions about measures: search, understanding, answer cards, paging.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddMeasureSearch();
        services.AddChatAnswers();
        services.AddSingleton<ChangedMeasures>();
        services.AddSingleton<QuestionAnswerer>();
        services.AddSingleton<IChatCommand, ChatQuestionCommand>();
        services.AddSingleton<ICardActionHandler, ChatMoreHandler>();
        return services;
    }
}
