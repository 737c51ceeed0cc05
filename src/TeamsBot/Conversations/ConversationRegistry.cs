using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Storage;

namespace TeamsBot.Conversations;

/// <summary>
/// Conversations the bot was installed in, kept in the Conversations table (PK tenant, RK conversation id). Also told
/// by the connector when a conversation refuses the bot's writes (blocked or removed), and marks it inactive.
/// </summary>
public sealed class ConversationRegistry(TableServiceClient service, IOptions<StorageOptions> options, TimeProvider time) : IConversationBlockedListener
{
    private const string NoTenant = "_";
    private const string ThreadSuffix = ";messageid=";
    private TableClient Table => service.GetTableClient(options.Value.TableName("Conversations"));

    public Task EnsureTableAsync(CancellationToken ct) => Table.CreateIfNotExistsAsync(ct);

    /// <summary>
    /// Records (or reactivates) the conversation an install or message activity came from. An activity without a locale
    /// keeps the one recorded: Teams sends installationUpdate (with the user's locale) and conversationUpdate (often
    /// without) side by side, and round requests and reminders speak the recorded language.
    /// </summary>
    public async Task<ConversationRecord> RegisterAsync(Activity activity, CancellationToken ct)
    {
        var channelData = activity.GetChannelData<TeamsChannelData>();
        var record = new ConversationRecord
        {
            TenantId = activity.GetTenantId() ?? NoTenant,
            ConversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation.", nameof(activity)),
            ServiceUrl = activity.ServiceUrl ?? throw new ArgumentException("The activity has no serviceUrl.", nameof(activity)),
            ConversationType = activity.Conversation.ConversationType ?? (channelData?.Team is null ? "personal" : "channel"),
            TeamId = channelData?.Team?.Id,
            TeamName = channelData?.Team?.Name,
            ChannelId = channelData?.Settings?.SelectedChannel?.Id ?? channelData?.Channel?.Id,
            Locale = activity.Locale,
            InstalledBy = activity.From?.AadObjectId ?? activity.From?.Id,
            InstalledByTeamsId = activity.From?.Id,
            Active = true,
            UpdatedAt = time.GetUtcNow(),
        };
        var entity = ToEntity(record);
        var mode = TableUpdateMode.Replace;
        if (string.IsNullOrEmpty(record.Locale))
        {
            entity.Remove("Locale");
            mode = TableUpdateMode.Merge;
        }
        await Table.UpsertEntityAsync(entity, mode, ct);
        return record;
    }

    public async Task MarkInactiveAsync(string? tenantId, string conversationId, CancellationToken ct)
    {
        var entity = new TableEntity(TableKeys.Encode(tenantId ?? NoTenant), TableKeys.Encode(conversationId))
        {
            ["Active"] = false,
            ["UpdatedAt"] = time.GetUtcNow(),
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Merge, ct);
    }

    /// <summary>
    /// Marks a registered conversation inactive (a thread's refusal is its channel's); one never registered stays
    /// unknown rather than gaining a row.
    /// </summary>
    public async Task OnConversationBlockedAsync(BlockedConversation conversation, CancellationToken cancellationToken)
    {
        var id = conversation.ConversationId.Split(ThreadSuffix)[0];
        var tenant = conversation.TenantId ?? NoTenant;
        if (!TableKeys.IsValid(id) || !TableKeys.IsValid(tenant)) return;
        var entity = new TableEntity(TableKeys.Encode(tenant), TableKeys.Encode(id))
        {
            ["Active"] = false,
            ["UpdatedAt"] = time.GetUtcNow(),
        };
        try
        {
            await Table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Never registered here: nothing to mark.
        }
    }

    public async Task<ConversationRecord?> GetAsync(string? tenantId, string conversationId, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Encode(tenantId ?? NoTenant), TableKeys.Encode(conversationId), cancellationToken: ct);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>
    /// The user's personal chat with the bot (from its install), found by Entra object id or Teams id; null when the
    /// user never installed the bot or removed it.
    /// </summary>
    public async Task<ConversationRecord?> FindPersonalAsync(string? tenantId, string? aadObjectId, string? teamsId, CancellationToken ct)
    {
        var tenant = TableKeys.Encode(tenantId ?? NoTenant);
        var aad = aadObjectId ?? "";
        var teams = teamsId ?? "";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {tenant} and ConversationType eq {"personal"} and (InstalledBy eq {aad} or InstalledBy eq {teams} or InstalledByTeamsId eq {teams})");
        ConversationRecord? found = null;
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var record = FromEntity(entity);
            if (record.Active && (found is null || record.UpdatedAt > found.UpdatedAt)) found = record;
        }
        return found;
    }

    public async IAsyncEnumerable<ConversationRecord> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var entity in Table.QueryAsync<TableEntity>(cancellationToken: ct))
            yield return FromEntity(entity);
    }

    private static TableEntity ToEntity(ConversationRecord r) => new(TableKeys.Encode(r.TenantId), TableKeys.Encode(r.ConversationId))
    {
        ["ServiceUrl"] = r.ServiceUrl,
        ["ConversationType"] = r.ConversationType,
        ["TeamId"] = r.TeamId,
        ["TeamName"] = r.TeamName,
        ["ChannelId"] = r.ChannelId,
        ["Locale"] = r.Locale,
        ["InstalledBy"] = r.InstalledBy,
        ["InstalledByTeamsId"] = r.InstalledByTeamsId,
        ["Active"] = r.Active,
        ["UpdatedAt"] = r.UpdatedAt,
    };

    private static ConversationRecord FromEntity(TableEntity e) => new()
    {
        TenantId = TableKeys.Decode(e.PartitionKey),
        ConversationId = TableKeys.Decode(e.RowKey),
        ServiceUrl = e.GetString("ServiceUrl") ?? "",
        ConversationType = e.GetString("ConversationType") ?? "",
        TeamId = e.GetString("TeamId"),
        TeamName = e.GetString("TeamName"),
        ChannelId = e.GetString("ChannelId"),
        Locale = e.GetString("Locale"),
        InstalledBy = e.GetString("InstalledBy"),
        InstalledByTeamsId = e.GetString("InstalledByTeamsId"),
        Active = e.GetBoolean("Active") ?? true,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
    };
}
