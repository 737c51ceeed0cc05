namespace TeamsBot.Measures.Storage;

/// <summary>The measure changed since the version the writer saw (HTTP 412 from the store).</summary>
public sealed class MeasureConflictException(string planId, string measureId, Exception inner)
    : Exception($"Measure {planId}/{measureId} was changed by someone else.", inner)
{
    public string PlanId { get; } = planId;
    public string MeasureId { get; } = measureId;
}
