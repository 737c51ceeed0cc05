using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.Localization;
using TeamsBot.Telemetry;

namespace TeamsBot.Chat;

/// <summary>Everything no earlier command claimed is a question about the measures.</summary>
public sealed class ChatQuestionCommand(QuestionAnswerer answerer, ChatTelemetry telemetry) : IChatCommand
{
    public async Task<bool> TryHandleAsync(ITurnContext turn, ChatMessage message, CancellationToken cancellationToken)
    {
        using var timing = telemetry.StartAnswer();
        if (string.IsNullOrWhiteSpace(message.Text))
        {
            await turn.SendActivityAsync(BotTexts.For(message.Language).Help, cancellationToken);
            timing.Answered(AnswerKind.Help);
            return true;
        }
        var answer = await answerer.AnswerAsync(message.Text, message.Language, message.Today, page: 0, cancellationToken);
        await turn.SendActivityAsync(answer.Card is null ? BotFramework.Schema.Activity.CreateMessageActivity(answer.Text) : CardMessages.From(answer.Card, answer.Text), cancellationToken);
        timing.Answered(answer.Kind);
        return true;
    }
}
