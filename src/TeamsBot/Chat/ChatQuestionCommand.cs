using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.Chat.Memory;
using TeamsBot.Chat.Understanding;
using TeamsBot.Localization;
using TeamsBot.Telemetry;

namespace TeamsBot.Chat;

/// <summary>
/// Everything no earlier command claimed is a question about the measures. The conversation's context is read only
/// for a message that looks like a follow-up («vis flere», «bare de pågående», «og fristen?»), so other questions pay
/// no storage round trip before their answer; it is written after the reply is sent, within the answer's span.
/// </summary>
public sealed class ChatQuestionCommand(QuestionAnswerer answerer, ConversationContextStore contexts, ChatTelemetry telemetry) : IChatCommand
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
        var answer = await FollowUpAsync(message, cancellationToken)
            ?? await answerer.AnswerAsync(message.Text, message.Language, message.Today, page: 0, cancellationToken);
        await turn.SendActivityAsync(answer.Card is null ? BotFramework.Schema.Activity.CreateMessageActivity(answer.Text) : CardMessages.From(answer.Card, answer.Text), cancellationToken);
        timing.Answered(answer.Kind);
        // Part of the answer (its span, its duration): the conversation's next follow-up depends on it.
        if (answer.IsRemembered)
            await contexts.SaveAsync(message.ConversationId, answer.Query, answer.Shown, answer.Page, cancellationToken);
        return true;
    }

    private async Task<ChatAnswer?> FollowUpAsync(ChatMessage message, CancellationToken ct)
    {
        if (FollowUps.Recognize(message.Text) is not { } kind) return null;
        if (await contexts.GetAsync(message.ConversationId, ct) is not { } context) return null;
        return await answerer.FollowUpAsync(kind, message.Text, context, message.Language, message.Today, ct);
    }
}
