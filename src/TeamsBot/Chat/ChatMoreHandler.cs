using System.Text.Json;
using TeamsBot.Bot;
using static TeamsBot.Bot.CardActionResult;

namespace TeamsBot.Chat;

/// <summary>
/// "Vis flere" / "Show more": the list card carries the question and the page it wants, so paging is stateless —
/// the question is answered again from the current index and the next page replaces the card (a submit gets it as a
/// new message).
/// </summary>
public sealed class ChatMoreHandler(QuestionAnswerer answerer) : ICardActionHandler
{
    public const int MaxPage = 1000;

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (Read(action) is not { } request) return new Refuse(ChatTexts.For(action.Language).NoneMatch);
        var answer = await answerer.AnswerAsync(request.Question, action.Language, action.Today, request.Page, cancellationToken);
        return answer.Card is null ? new ShowMessage(answer.Text) : new ShowCard(answer.Card, answer.Text);
    }

    /// <summary>Card data comes back from the client: treat it as untrusted (wrong types, huge pages, missing fields).</summary>
    private static (string Question, int Page)? Read(CardAction action)
    {
        if (action.Data.ValueKind != JsonValueKind.Object) return null;
        if (!action.Data.TryGetProperty("q", out var q) || q.ValueKind != JsonValueKind.String || q.GetString() is not { Length: > 0 and <= 500 } question)
            return null;
        if (!action.Data.TryGetProperty("page", out var p)) return (question, 0);
        return p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var page) && page is >= 0 and <= MaxPage ? (question, page) : null;
    }
}
