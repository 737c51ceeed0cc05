using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsBot.Storage;

namespace TeamsBot.Digest;

/// <summary>
/// The claim rows that make a scheduled brief exactly-once across instances: DigestRuns, PK = encoded subscription
/// key, RK = ISO week ("2026-W47"). The first instance to insert the row owns the week; its lease (owner + expiry) is
/// renewed with ETag-conditional updates, and an expired lease can be taken over the same way.
/// </summary>
public sealed class DigestRunStore(TableServiceClient service, IOptions<StorageOptions> options)
{
    public const string TableName = "DigestRuns";
    public const string StatusClaimed = "claimed";
    public const string StatusPosted = "posted";
    public const string StatusFailed = "failed";

    private TableClient Table => service.GetTableClient(options.Value.TableName(TableName));

    /// <summary>Claims the week for <paramref name="owner"/>: a new row, or the takeover of an expired lease. Null = not ours.</summary>
    public async Task<DigestClaim?> TryClaimAsync(
        string subscriptionKey, IsoWeek week, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var entity = new TableEntity(TableKeys.Encode(subscriptionKey), week.ToString())
        {
            ["Status"] = StatusClaimed,
            ["Owner"] = owner,
            ["LeaseUntil"] = now + lease,
            ["ClaimedAt"] = now,
            ["Attempt"] = 1,
        };
        try
        {
            var response = await Table.AddEntityAsync(entity, ct);
            return new DigestClaim(subscriptionKey, week, owner, 1, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Someone else inserted it: only an unposted row with an expired lease is up for takeover.
        }

        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: ct);
        if (!existing.HasValue) return null; // deleted meanwhile; the next poll inserts again
        var row = existing.Value!;
        if (row.GetString("Status") is StatusPosted or StatusFailed) return null;
        if (row.GetDateTimeOffset("LeaseUntil") is { } until && until > now) return null;

        var attempt = (row.GetInt32("Attempt") ?? 1) + 1;
        var takeover = new TableEntity(entity.PartitionKey, entity.RowKey)
        {
            ["Owner"] = owner,
            ["LeaseUntil"] = now + lease,
            ["Attempt"] = attempt,
            ["TakenOverFrom"] = row.GetString("Owner"),
        };
        try
        {
            var response = await Table.UpdateEntityAsync(takeover, row.ETag, TableUpdateMode.Merge, ct);
            return new DigestClaim(subscriptionKey, week, owner, attempt, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null; // another instance took it over first
        }
    }

    /// <summary>Extends the lease if the row is still at the claim's ETag. False = the claim was lost.</summary>
    public async Task<bool> RenewAsync(DigestClaim claim, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var entity = new TableEntity(TableKeys.Encode(claim.SubscriptionKey), claim.Week.ToString())
        {
            ["LeaseUntil"] = now + lease,
        };
        return await UpdateAsync(claim, entity, ct);
    }

    /// <summary>Records the posted activity; conditional on the claim, so only the owner marks it.</summary>
    public async Task<bool> MarkPostedAsync(DigestClaim claim, DateTimeOffset at, string conversationId, string? activityId, CancellationToken ct)
    {
        var entity = new TableEntity(TableKeys.Encode(claim.SubscriptionKey), claim.Week.ToString())
        {
            ["Status"] = StatusPosted,
            ["PostedAt"] = at,
            ["ConversationId"] = conversationId,
            ["ActivityId"] = activityId,
        };
        return await UpdateAsync(claim, entity, ct);
    }

    /// <summary>Gives the week up at once (e.g. the channel blocked the bot) so no other instance retries before the lease ends.</summary>
    public async Task<bool> MarkFailedAsync(DigestClaim claim, DateTimeOffset at, string reason, CancellationToken ct)
    {
        var entity = new TableEntity(TableKeys.Encode(claim.SubscriptionKey), claim.Week.ToString())
        {
            ["Status"] = StatusFailed,
            ["FailedAt"] = at,
            ["Failure"] = reason,
        };
        return await UpdateAsync(claim, entity, ct);
    }

    public async Task<DigestRun?> GetAsync(string subscriptionKey, IsoWeek week, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(subscriptionKey), week.ToString(), cancellationToken: ct);
        if (!response.HasValue) return null;
        var e = response.Value!;
        return new DigestRun(subscriptionKey, week, e.GetString("Status") ?? "", e.GetString("Owner") ?? "",
            e.GetDateTimeOffset("LeaseUntil"), e.GetInt32("Attempt") ?? 1, e.GetDateTimeOffset("PostedAt"),
            e.GetString("ConversationId"), e.GetString("ActivityId"), e.GetString("Failure"));
    }

    private async Task<bool> UpdateAsync(DigestClaim claim, TableEntity entity, CancellationToken ct)
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

/// <summary>This instance's hold on one subscription-week; <see cref="ETag"/> moves with each renewal.</summary>
public sealed class DigestClaim(string subscriptionKey, IsoWeek week, string owner, int attempt, ETag etag)
{
    public string SubscriptionKey { get; } = subscriptionKey;
    public IsoWeek Week { get; } = week;
    public string Owner { get; } = owner;
    public int Attempt { get; } = attempt;
    public ETag ETag { get; set; } = etag;
}

/// <summary>A DigestRuns row as stored (for inspection and tests).</summary>
public sealed record DigestRun(
    string SubscriptionKey,
    IsoWeek Week,
    string Status,
    string Owner,
    DateTimeOffset? LeaseUntil,
    int Attempt,
    DateTimeOffset? PostedAt,
    string? ConversationId,
    string? ActivityId,
    string? Failure);
