using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsBot.Storage;

namespace TeamsBot.Rounds;

/// <summary>What claiming a plan for a new round gave: the claim, or the round (open or being started) that holds it.</summary>
public abstract record RoundClaim
{
    private RoundClaim() { }

    public sealed record Won(string PlanId, string RoundId) : RoundClaim;

    public sealed record Held(string RoundId, DateOnly Deadline) : RoundClaim;
}

/// <summary>
/// One open round per plan, also when two coordinators or two instances start one at once: a claim row in the Rounds
/// table (PK plan id, RK <see cref="RowKey"/>, which no round id can be: ours start with a date) names the plan's open
/// round. Adding it is the conditional write that decides a race; closing the round deletes it.
/// </summary>
public sealed class RoundClaims(TableServiceClient service, IOptions<StorageOptions> options)
{
    public const string RowKey = "~open-round";

    /// <summary>
    /// How long a claim whose round row was never written (the instance stopped between the two writes) holds the
    /// plan; after that a new start takes it over. Starting writes the round within seconds of the claim.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    private const int Attempts = 3;

    private TableClient Rounds => service.GetTableClient(options.Value.TableName(RoundStore.RoundsTable));

    public async Task<RoundClaim> TryClaimAsync(string planId, string roundId, DateOnly deadline, DateTimeOffset now, CancellationToken ct)
    {
        var claim = ToEntity(planId, roundId, deadline, now);
        RoundClaim held = new RoundClaim.Held(roundId, deadline);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await TryAddAsync(claim, ct)) return new RoundClaim.Won(planId, roundId);
            var existing = await Rounds.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, RowKey, cancellationToken: ct);
            if (!existing.HasValue) continue; // released meanwhile: add again
            var entity = existing.Value!;
            var heldRound = entity.GetString("RoundId") ?? "";
            held = new RoundClaim.Held(heldRound, ParseDeadline(entity.GetString("Deadline")) ?? deadline);
            if (!await IsFreeAsync(planId, heldRound, entity.GetDateTimeOffset("ClaimedAt"), now, ct)) return held;
            if (await TryTakeOverAsync(claim, entity.ETag, ct)) return new RoundClaim.Won(planId, roundId);
        }
        return held;
    }

    /// <summary>Frees the plan for a new round once <paramref name="round"/> is closed; a claim naming another round is left as it is.</summary>
    public async Task ReleaseAsync(Round round, CancellationToken ct)
    {
        var existing = await Rounds.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(round.PlanId), RowKey, cancellationToken: ct);
        if (!existing.HasValue || existing.Value!.GetString("RoundId") != round.Id) return;
        try
        {
            await Rounds.DeleteEntityAsync(existing.Value.PartitionKey, RowKey, existing.Value.ETag, ct);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Released or taken over by someone else meanwhile.
        }
    }

    /// <summary>
    /// A claim is free to take over when its round is closed (the release after closing did not happen), or its round
    /// was never written and the claim is older than <see cref="AbandonedAfter"/>.
    /// </summary>
    private async Task<bool> IsFreeAsync(string planId, string heldRound, DateTimeOffset? claimedAt, DateTimeOffset now, CancellationToken ct)
    {
        if (TableKeys.IsValid(heldRound) && heldRound.Length > 0)
        {
            var round = await Rounds.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(planId), TableKeys.Encode(heldRound), select: ["Status"], cancellationToken: ct);
            if (round.HasValue) return round.Value!.GetString("Status") == Round.Closed;
        }
        return claimedAt is not { } at || now - at >= AbandonedAfter;
    }

    private async Task<bool> TryAddAsync(TableEntity claim, CancellationToken ct)
    {
        try
        {
            await Rounds.AddEntityAsync(claim, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private async Task<bool> TryTakeOverAsync(TableEntity claim, ETag seen, CancellationToken ct)
    {
        try
        {
            await Rounds.UpdateEntityAsync(claim, seen, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(string planId, string roundId, DateOnly deadline, DateTimeOffset now) => new(TableKeys.Encode(planId), RowKey)
    {
        ["RoundId"] = roundId,
        ["Deadline"] = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ClaimedAt"] = now,
    };

    private static DateOnly? ParseDeadline(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
