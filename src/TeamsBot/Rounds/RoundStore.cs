using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsBot.Access;
using TeamsBot.Localization;
using TeamsBot.Storage;

namespace TeamsBot.Rounds;

/// <summary>
/// Rounds (PK plan id, RK round id) and RoundOwners (PK round id, RK owner unit), both encoded. Owner rows are written
/// before the round row, so a round the scheduler can see always has all its owners. The plan's claim row
/// (<see cref="RoundClaims"/>) shares the Rounds table and is never read as a round.
/// </summary>
public sealed class RoundStore(TableServiceClient service, IOptions<StorageOptions> options, RoundClaims claims)
{
    public const string RoundsTable = "Rounds";
    public const string OwnersTable = "RoundOwners";

    private TableClient Rounds => service.GetTableClient(options.Value.TableName(RoundsTable));
    private TableClient Owners => service.GetTableClient(options.Value.TableName(OwnersTable));

    public async Task<Round> CreateAsync(Round round, IReadOnlyList<RoundOwner> owners, CancellationToken ct)
    {
        foreach (var chunk in owners.Chunk(100))
            await Owners.SubmitTransactionAsync(chunk.Select(o => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(o))), ct);
        var response = await Rounds.AddEntityAsync(ToEntity(round), ct);
        return round with { ETag = response.Headers.ETag?.ToString() ?? "" };
    }

    public async Task<Round?> GetAsync(string planId, string roundId, CancellationToken ct)
    {
        if (!TableKeys.IsValid(planId) || !TableKeys.IsValid(roundId) || roundId == RoundClaims.RowKey) return null;
        var response = await Rounds.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(planId), TableKeys.Encode(roundId), cancellationToken: ct);
        return response.HasValue ? ToRound(response.Value!) : null;
    }

    public async IAsyncEnumerable<Round> ListOpenAsync([EnumeratorCancellation] CancellationToken ct, string? planId = null)
    {
        var filter = planId is null
            ? TableClient.CreateQueryFilter($"Status eq {Round.Open} and RowKey ne {RoundClaims.RowKey}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(planId)} and Status eq {Round.Open} and RowKey ne {RoundClaims.RowKey}");
        await foreach (var entity in Rounds.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            yield return ToRound(entity);
    }

    public async Task<IReadOnlyList<RoundOwner>> GetOwnersAsync(string roundId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(roundId)}");
        var owners = new List<RoundOwner>();
        await foreach (var entity in Owners.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            owners.Add(ToOwner(entity));
        return owners;
    }

    /// <summary>
    /// Closes the round if it is still as read, and frees its plan for the next round; null when someone else closed
    /// (or changed) it first. A release that fails here is made good by the next start (a claim on a closed round is free).
    /// </summary>
    public async Task<Round?> TryCloseAsync(Round round, DateTimeOffset at, string by, CancellationToken ct)
    {
        var entity = new TableEntity(TableKeys.Encode(round.PlanId), TableKeys.Encode(round.Id))
        {
            ["Status"] = Round.Closed,
            ["ClosedAt"] = at,
            ["ClosedBy"] = by,
        };
        Round closed;
        try
        {
            var response = await Rounds.UpdateEntityAsync(entity, new ETag(round.ETag), TableUpdateMode.Merge, ct);
            closed = round with { Status = Round.Closed, ClosedAt = at, ClosedBy = by, ETag = response.Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
        try
        {
            await claims.ReleaseAsync(closed, ct);
        }
        catch (Exception e) when (e is RequestFailedException || StorageFailure.IsUnavailable(e, ct))
        {
            // The round is closed either way, and its summary is owed; the claim left behind is free for the next start.
        }
        return closed;
    }

    private static TableEntity ToEntity(Round r) => new(TableKeys.Encode(r.PlanId), TableKeys.Encode(r.Id))
    {
        ["Status"] = r.Status,
        ["Deadline"] = r.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Note"] = r.Note,
        ["StartedAt"] = r.StartedAt,
        ["StartedBy"] = r.StartedBy,
        ["StartedByName"] = r.StartedByName,
        ["TenantId"] = r.TenantId,
        ["CoordinatorConversationId"] = r.CoordinatorConversationId,
        ["CoordinatorServiceUrl"] = r.CoordinatorServiceUrl,
        ["CoordinatorConversationType"] = r.CoordinatorConversationType,
        ["Language"] = r.Language.ToString(),
        ["UnownedMeasureIds"] = string.Join(",", r.UnownedMeasureIds),
    };

    private static Round ToRound(TableEntity e) => new()
    {
        PlanId = TableKeys.Decode(e.PartitionKey),
        Id = TableKeys.Decode(e.RowKey),
        Status = e.GetString("Status") ?? Round.Open,
        Deadline = DateOnly.ParseExact(e.GetString("Deadline") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Note = e.GetString("Note"),
        StartedAt = e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
        StartedBy = e.GetString("StartedBy") ?? "",
        StartedByName = e.GetString("StartedByName") ?? "",
        TenantId = e.GetString("TenantId") ?? "",
        CoordinatorConversationId = e.GetString("CoordinatorConversationId") ?? "",
        CoordinatorServiceUrl = e.GetString("CoordinatorServiceUrl") ?? "",
        CoordinatorConversationType = e.GetString("CoordinatorConversationType") ?? "",
        Language = Enum.TryParse<UserLanguage>(e.GetString("Language"), out var language) ? language : UserLanguage.Bokmal,
        ClosedAt = e.GetDateTimeOffset("ClosedAt"),
        ClosedBy = e.GetString("ClosedBy"),
        UnownedMeasureIds = List(e.GetString("UnownedMeasureIds")),
        ETag = e.ETag.ToString(),
    };

    private static TableEntity ToEntity(RoundOwner o) => new(TableKeys.Encode(o.RoundId), TableKeys.Encode(o.Unit))
    {
        ["Unit"] = o.Unit,
        ["MeasureIds"] = string.Join(",", o.MeasureIds),
        ["People"] = JsonSerializer.Serialize(o.People),
    };

    private static RoundOwner ToOwner(TableEntity e) => new(
        TableKeys.Decode(e.PartitionKey),
        e.GetString("Unit") ?? TableKeys.Decode(e.RowKey),
        List(e.GetString("MeasureIds")),
        JsonSerializer.Deserialize<List<OwnerPerson>>(e.GetString("People") ?? "[]") ?? []);

    private static List<string> List(string? value) => [.. (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)];
}
