using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsBot.Chat.Understanding;
using TeamsBot.Measures;
using TeamsBot.Storage;

namespace TeamsBot.Chat.Memory;

/// <summary>
/// One row per conversation in the ChatContexts table (PK the encoded conversation id, RK <c>context</c>), so a
/// follow-up is understood by whichever instance receives it. Expiry is checked on read; a row past it is ignored
/// (and overwritten by the next answer). This instance also keeps the contexts it wrote in memory, set before the
/// reply is sent: a follow-up typed the moment the reply shows is understood even if the row's write is still on its
/// way; of the two, the later one wins, so an answer given meanwhile by another instance is not hidden.
/// </summary>
public sealed class ConversationContextStore(TableServiceClient service, IOptions<StorageOptions> options, TimeProvider time, ILogger<ConversationContextStore> logger)
{
    public const string TableName = "ChatContexts";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private const string RowKey = "context";
    private const int MaxShown = 20;

    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, ConversationContext> _remembered = new(StringComparer.Ordinal);

    private TableClient Table => service.GetTableClient(options.Value.TableName(TableName));

    /// <summary>Keeps the context in this instance's memory at once; <see cref="SaveAsync"/> writes it for every instance.</summary>
    public void Remember(string conversationId, Question? query, IReadOnlyList<MeasureKey> shown, int page)
    {
        if (!TableKeys.IsValid(conversationId)) return;
        var now = time.GetUtcNow();
        if (_remembered.Count >= MaxRemembered)
            foreach (var (id, old) in _remembered) if (old.ExpiresAt <= now) _remembered.TryRemove(id, out _);
        if (_remembered.Count >= MaxRemembered) _remembered.Clear();
        _remembered[conversationId] = new ConversationContext(query, [.. shown.Take(MaxShown)], page, now + Lifetime);
    }

    private ConversationContext? Later(string conversationId, ConversationContext? stored)
    {
        var local = _remembered.TryGetValue(conversationId, out var mine) && mine.ExpiresAt > time.GetUtcNow() ? mine : null;
        return (local, stored) switch
        {
            (null, _) => stored,
            (_, null) => local,
            _ => local.ExpiresAt > stored.ExpiresAt ? local : stored,
        };
    }

    /// <summary>The conversation's context, or null when there is none, it expired, or the store could not be read.</summary>
    public async Task<ConversationContext?> GetAsync(string conversationId, CancellationToken ct)
    {
        if (!TableKeys.IsValid(conversationId)) return null;
        return Later(conversationId, await ReadAsync(conversationId, ct));
    }

    private async Task<ConversationContext?> ReadAsync(string conversationId, CancellationToken ct)
    {
        try
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(conversationId), RowKey, cancellationToken: ct);
            if (!row.HasValue || row.Value is not { } entity) return null;
            var expires = entity.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue;
            if (expires <= time.GetUtcNow()) return null;
            var query = entity.GetString("Query") is { Length: > 0 } json ? JsonSerializer.Deserialize<Question>(json, QueryJson.Options) : null;
            var shown = (entity.GetString("Shown") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(k => k.Split('/') is [var plan, var id] ? new MeasureKey(TableKeys.Decode(plan), TableKeys.Decode(id)) : (MeasureKey?)null)
                .OfType<MeasureKey>().ToList();
            return new ConversationContext(query, shown, entity.GetInt32("Page") ?? 0, expires);
        }
        catch (Exception e) when (e is RequestFailedException or JsonException)
        {
            // A follow-up then reads as a question of its own: worse, but an answer.
            logger.LogWarning(e, "Reading the chat context failed");
            return null;
        }
    }

    /// <summary>Replaces the conversation's context (a new answer always replaces the last).</summary>
    public async Task SaveAsync(string conversationId, Question? query, IReadOnlyList<MeasureKey> shown, int page, CancellationToken ct)
    {
        if (!TableKeys.IsValid(conversationId)) return;
        var entity = new TableEntity(TableKeys.Encode(conversationId), RowKey)
        {
            ["Query"] = query is null ? "" : JsonSerializer.Serialize(query, QueryJson.Options),
            ["Shown"] = string.Join(',', shown.Take(MaxShown).Select(k => $"{TableKeys.Encode(k.PlanId)}/{TableKeys.Encode(k.MeasureId)}")),
            ["Page"] = page,
            ["ExpiresAt"] = time.GetUtcNow() + Lifetime,
        };
        try
        {
            await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException e)
        {
            logger.LogWarning(e, "Saving the chat context failed");
        }
    }
}
