using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsBot.Localization;
using TeamsBot.Storage;

namespace TeamsBot.Digest;

/// <summary>Subscriptions in the DigestSubscriptions table (PK tenant, RK channel id; both encoded).</summary>
public sealed class DigestSubscriptionStore(TableServiceClient service, IOptions<StorageOptions> options)
{
    public const string TableName = "DigestSubscriptions";
    private const string NoTenant = "_";

    private TableClient Table => service.GetTableClient(options.Value.TableName(TableName));

    public async Task SaveAsync(DigestSubscription subscription, CancellationToken ct) =>
        await Table.UpsertEntityAsync(ToEntity(subscription), TableUpdateMode.Replace, ct);

    public async Task<DigestSubscription?> GetAsync(string? tenantId, string channelId, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Encode(tenantId ?? NoTenant), TableKeys.Encode(channelId), cancellationToken: ct);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <returns>False when there was nothing to delete.</returns>
    public async Task<bool> DeleteAsync(string? tenantId, string channelId, CancellationToken ct)
    {
        // Azure.Data.Tables answers a missing row with its 404 response instead of throwing.
        var response = await Table.DeleteEntityAsync(TableKeys.Encode(tenantId ?? NoTenant), TableKeys.Encode(channelId), ETag.All, ct);
        return response.Status != 404;
    }

    public async IAsyncEnumerable<DigestSubscription> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var entity in Table.QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: ct))
            yield return FromEntity(entity);
    }

    /// <summary>Records a posted brief on the subscription (a merge: a concurrent re-subscribe keeps its settings).</summary>
    public async Task RecordBriefAsync(DigestSubscription subscription, DateTimeOffset at, IsoWeek? scheduledWeek, CancellationToken ct)
    {
        var entity = Keys(subscription);
        entity["LastBriefAt"] = at;
        if (scheduledWeek is { } week) entity["LastPostedWeek"] = week.ToString();
        await MergeIfExistsAsync(entity, ct);
    }

    public async Task PauseAsync(DigestSubscription subscription, string reason, CancellationToken ct)
    {
        var entity = Keys(subscription);
        entity["Paused"] = true;
        entity["PausedReason"] = reason;
        await MergeIfExistsAsync(entity, ct);
    }

    // A subscription stopped meanwhile stays deleted: merging with ETag.All fails with 404 instead of re-creating it.
    private async Task MergeIfExistsAsync(TableEntity entity, CancellationToken ct)
    {
        try
        {
            await Table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private static TableEntity Keys(DigestSubscription s) =>
        new(TableKeys.Encode(s.TenantId), TableKeys.Encode(s.ChannelId));

    private static TableEntity ToEntity(DigestSubscription s)
    {
        var entity = Keys(s);
        entity["ServiceUrl"] = s.ServiceUrl;
        entity["TeamId"] = s.TeamId;
        entity["ChannelId"] = s.ChannelId;
        entity["Day"] = s.Schedule.Day.ToString();
        entity["Time"] = s.Schedule.Time.ToString("HH:mm", CultureInfo.InvariantCulture);
        entity["PlanIds"] = string.Join(',', s.Filter.PlanIds);
        entity["AreaIds"] = string.Join(',', s.Filter.AreaIds);
        entity["Language"] = s.Language.ToString();
        entity["CreatedAt"] = s.CreatedAt;
        entity["CreatedBy"] = s.CreatedBy;
        entity["Paused"] = s.Paused;
        entity["PausedReason"] = s.PausedReason;
        entity["LastBriefAt"] = s.LastBriefAt;
        entity["LastPostedWeek"] = s.LastPostedWeek;
        return entity;
    }

    private static DigestSubscription FromEntity(TableEntity e) => new()
    {
        TenantId = TableKeys.Decode(e.PartitionKey),
        ChannelId = TableKeys.Decode(e.RowKey),
        ServiceUrl = e.GetString("ServiceUrl") ?? "",
        TeamId = e.GetString("TeamId"),
        Schedule = new DigestSchedule(
            Enum.TryParse<DayOfWeek>(e.GetString("Day"), out var day) ? day : DigestSchedule.Default.Day,
            TimeOnly.TryParseExact(e.GetString("Time"), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? time : DigestSchedule.Default.Time),
        Filter = new DigestFilter(Split(e.GetString("PlanIds")), Split(e.GetString("AreaIds"))),
        Language = Enum.TryParse<UserLanguage>(e.GetString("Language"), out var language) ? language : UserLanguage.Bokmal,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? e.Timestamp ?? DateTimeOffset.MinValue,
        CreatedBy = e.GetString("CreatedBy"),
        Paused = e.GetBoolean("Paused") ?? false,
        PausedReason = e.GetString("PausedReason"),
        LastBriefAt = e.GetDateTimeOffset("LastBriefAt"),
        LastPostedWeek = e.GetString("LastPostedWeek"),
    };

    private static string[] Split(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
