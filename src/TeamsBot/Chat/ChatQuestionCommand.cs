using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.Chat.Memory;
using TeamsBot.Chat.Understanding;
using TeamsBot.Localization;
using TeamsBot.Storage;
using TeamsBot.Telemetry;

namespace TeamsBot.Chat;

/// <summary>
/// Everything no earlier command claimed is a question about the measures. The conversation's context is read only
/// for a message that looks like a follow-up («vis flere», «bare de pågående», «og fristen?»), so other questions pay
/// no storage round trip before their answer. It is kept in this instance's memory before the reply is sent (a follow-up
/// typed the moment the reply shows must find it: a quick «bare de som PST eier» raced the row's write and lost the
/// list) and written to storage after it, for the other instances.
/// </summary>
public sealed class ChatQuestionCommand(
    QuestionAnswerer answerer, ConversationContextStore contexts, ChatTelemetry telemetry, ILogger<ChatQuestionCommand> logger) : IChatCommand
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
        if (answer.IsRemembered) contexts.Remember(message.ConversationId, answer.Query, answer.Shown, answer.Page);
        await turn.SendActivityAsync(answer.Card is null ? BotFramework.Schema.Activity.CreateMessageActivity(answer.Text) : CardMessages.From(answer.Card, answer.Text), cancellationToken);
        timing.Answered(answer.Kind);
        // Part of the answer (its span, its duration): a follow-up that reaches another instance depends on it.
        if (answer.IsRemembered) await RememberAsync(message, answer, cancellationToken);
        return true;
    }

    private static readonly TimeSpan RememberBudget = TimeSpan.FromSeconds(2);

    /// <summary>The answer is already sent; a storage outage costs another instance's follow-up, nothing else.</summary>
    private async Task RememberAsync(ChatMessage message, ChatAnswer answer, CancellationToken ct)
    {
        // Bounded: against a storage that hangs, the turn ends after this long.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(RememberBudget);
        try
        {
            await contexts.SaveAsync(message.ConversationId, answer.Query, answer.Shown, answer.Page, bounded.Token);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e, ct))
        {
            logger.LogWarning(e, "Could not remember the answer's context in conversation {ConversationId}; a follow-up will be read as a new question",
                message.ConversationId);
        }
    }

    private async Task<ChatAnswer?> FollowUpAsync(ChatMessage message, CancellationToken ct)
    {
        if (FollowUps.Recognize(message.Text) is not { } kind) return null;
        if (await contexts.GetAsync(message.ConversationId, ct) is not { } context) return null;
        return await answerer.FollowUpAsync(kind, message.Text, context, message.Language, message.Today, ct);
    }
}
