using System.Text.Json;
using TeamsBot.Bot;
using TeamsBot.Chat.Memory;
using TeamsBot.Chat.Understanding;
using static TeamsBot.Bot.CardActionResult;

namespace TeamsBot.Chat;

/// <summary>
/// "Vis flere" / "Show more": the list card carries the question and the page it wants, so paging is stateless —
/// the question is answered again from the current index and the next page replaces the card (a submit gets it as a
/// new message). A list that answered a follow-up («bare de pågående») carries its parsed query instead of a question.
/// </summary>
public sealed class ChatMoreHandler(QuestionAnswerer answerer) : ICardActionHandler
{
    public const int MaxPage = 1000;

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (Page(action) is not { } page) return new Refuse(ChatTexts.For(action.Language).NoneMatch);
        ChatAnswer answer;
        if (Query(action) is { } query) answer = await answerer.AnswerStoredAsync(query, action.Language, action.Today, page, cancellationToken);
        else if (Read(action) is { } request) answer = await answerer.AnswerAsync(request.Question, action.Language, action.Today, request.Page, cancellationToken);
        else return new Refuse(ChatTexts.For(action.Language).NoneMatch);
        return answer.Card is null ? new ShowMessage(answer.Text) : new ShowCard(answer.Card, answer.Text);
    }

    private const int MaxQueryJson = 2000;

    private static int? Page(CardAction action)
    {
        if (action.Data.ValueKind != JsonValueKind.Object) return null;
        if (!action.Data.TryGetProperty("page", out var p)) return 0;
        return p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var page) && page is >= 0 and <= MaxPage ? page : null;
    }

    /// <summary>A parsed query as a list card carries it: untrusted, so bounded, and only the list kinds.</summary>
    private static Question? Query(CardAction action)
    {
        if (!action.Data.TryGetProperty("query", out var q) || q.ValueKind != JsonValueKind.String || q.GetString() is not { Length: > 0 and <= MaxQueryJson } json)
            return null;
        try
        {
            return JsonSerializer.Deserialize<Question>(json, QueryJson.Options) is { Filters: not null, SearchText: not null } query
                && query.Kind is QuestionKind.List or QuestionKind.Overdue or QuestionKind.DueSoon or QuestionKind.ChangedSince or QuestionKind.Count
                && (query.Kind is not (QuestionKind.DueSoon or QuestionKind.ChangedSince) || query.Filters.Range is not null)
                && query.SearchText.Length <= Search.MeasureSearch.MaxQueryLength
                ? query
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
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
