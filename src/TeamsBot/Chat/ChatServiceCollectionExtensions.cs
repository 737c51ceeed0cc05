using TeamsBot.Bot;
using TeamsBot.Chat.Answers;
using TeamsBot.Chat.Memory;
using TeamsBot.Chat.Search;
using TeamsBot.Measures.Cards;
using TeamsBot.Storage;

namespace TeamsBot.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// Questions about measures: search, understanding, answer cards, paging. The chat's commands
    /// (<see cref="HelpAndPlansCommand"/>, <see cref="ChatQuestionCommand"/>) take their place in the order AddTeamsBot lists.
    /// </summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddMeasureSearch();
        services.AddChatAnswers();
        services.AddSingleton<ChangedMeasures>();
        services.AddSingleton<QuestionAnswerer>();
        services.AddTable(ConversationContextStore.TableName);
        services.AddSingleton<ConversationContextStore>();
        services.AddCardActionHandler<ChatMoreHandler>(CardVerbs.MoreAnswers);
        return services;
    }
}
