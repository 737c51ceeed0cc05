using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsBot.Storage;

namespace TeamsBot.Rounds;

/// <summary>
/// The claim rows that make each request and reminder go once across instances and restarts: RoundSends, PK round id,
/// RK "{unit}|{person}|{step}" (encoded). The first instance to insert the row sends; a claim whose sender died is
/// taken over after its lease (ETag-conditional); a sent or given-up row is final.
/// </summary>
public sealed class RoundSendStore(TableServiceClient service, IOptions<StorageOptions> options)
{
    public const string TableName = "RoundSends";
    public const string StatusClaimed = "claimed";
    public const string StatusSent = "sent";
    public const string StatusFailed = "failed";

    private TableClient Table => service.GetTableClient(options.Value.TableName(TableName));

    public static string RowOf(string unit, string personKey, string step) => TableKeys.Encode($"{unit}|{personKey}|{step}");

    /// <summary>Claims the send for <paramref name="instance"/>; null when it is another's or done already.</summary>
    public async Task<RoundSendClaim?> TryClaimAsync(string roundId, string row, string instance, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var partition = TableKeys.Encode(roundId);
        var entity = new TableEntity(partition, row) { ["Status"] = StatusClaimed, ["Owner"] = instance, ["LeaseUntil"] = now + lease };
        try
        {
            var response = await Table.AddEntityAsync(entity, ct);
            return new RoundSendClaim(partition, row, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct);
        if (!existing.HasValue) return null;
        var found = existing.Value!;
        if (found.GetString("Status") != StatusClaimed || found.GetDateTimeOffset("LeaseUntil") is { } until && until > now) return null;
        var takeover = new TableEntity(partition, row) { ["Owner"] = instance, ["LeaseUntil"] = now + lease };
        try
        {
            var response = await Table.UpdateEntityAsync(takeover, found.ETag, TableUpdateMode.Merge, ct);
            return new RoundSendClaim(partition, row, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    public Task<bool> MarkSentAsync(RoundSendClaim claim, DateTimeOffset at, string conversationId, CancellationToken ct) =>
        UpdateAsync(claim, new TableEntity(claim.Partition, claim.Row) { ["Status"] = StatusSent, ["SentAt"] = at, ["ConversationId"] = conversationId }, ct);

    /// <summary>Final: delivery may have happened (a resend could duplicate it), or the person cannot be reached.</summary>
    public Task<bool> MarkFailedAsync(RoundSendClaim claim, DateTimeOffset at, string reason, CancellationToken ct) =>
        UpdateAsync(claim, new TableEntity(claim.Partition, claim.Row) { ["Status"] = StatusFailed, ["FailedAt"] = at, ["Failure"] = reason }, ct);

    /// <summary>Shortens the lease so a later poll (any instance) tries again.</summary>
    public Task<bool> RetryLaterAsync(RoundSendClaim claim, DateTimeOffset retryAt, CancellationToken ct) =>
        UpdateAsync(claim, new TableEntity(claim.Partition, claim.Row) { ["LeaseUntil"] = retryAt }, ct);

    /// <summary>Every send row of a round: (row key decoded, status).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ListAsync(string roundId, CancellationToken ct)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(roundId)}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Status"], cancellationToken: ct))
            rows[TableKeys.Decode(e.RowKey)] = e.GetString("Status") ?? "";
        return rows;
    }

    private async Task<bool> UpdateAsync(RoundSendClaim claim, TableEntity entity, CancellationToken ct)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(entity, claim.ETag, TableUpdateMode.Merge, ct);
            claim.ETag = response.Headers.ETag ?? claim.ETag;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }
}

/// <summary>This instance's hold on one send; the ETag moves with each write.</summary>
public sealed class RoundSendClaim(string partition, string row, ETag etag)
{
    public string Partition { get; } = partition;
    public string Row { get; } = row;
    public ETag ETag { get; set; } = etag;
}
