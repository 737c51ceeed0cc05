using TeamsBot.Bot;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Chat.Answers;

public static class ChatAnswersServiceCollectionExtensions
{
    /// <summary>The card actions of the chat's answer cards ("measure.show"). The builders themselves are static.</summary>
    public static IServiceCollection AddChatAnswers(this IServiceCollection services) =>
        services.AddCardActionHandler<MeasureShowHandler>(CardVerbs.ShowMeasure);
}
