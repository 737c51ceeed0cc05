using System.Text.Json;
using TeamsBot.Measures;
using TeamsBot.Measures.Import;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Infrastructure;

/// <summary>The real plans of data/plans as the importer reads them, for building cards from real text.</summary>
internal static class CardData
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    private static readonly Lazy<(IReadOnlyDictionary<string, Plan> Plans, IReadOnlyList<Measure> Measures)> Loaded = new(Load);

    public static IReadOnlyDictionary<string, Plan> Plans => Loaded.Value.Plans;

    public static IReadOnlyList<Measure> Measures => Loaded.Value.Measures;

    public static Plan Plan(string planId) => Plans[planId];

    public static Measure Measure(string measureId) => Measures.Single(m => m.Id == measureId);

    public static IReadOnlyList<Measure> InPlan(string planId) => [.. Measures.Where(m => m.PlanId == planId).OrderBy(m => m.Order)];

    /// <summary>The measures with the longest remarks: the hardest case for card size and layout.</summary>
    public static IReadOnlyList<Measure> Longest(int count) => [.. Measures.OrderByDescending(m => m.Remark.Length + m.Title.Length).Take(count)];

    public static JsonElement Json(string cardJson) => JsonDocument.Parse(cardJson).RootElement.Clone();

    private static (IReadOnlyDictionary<string, Plan>, IReadOnlyList<Measure>) Load()
    {
        var (plans, problems) = PlanImporter.ReadAll([Path.Combine(RepoPaths.Root, "data", "plans")]);
        if (problems.Count > 0) throw new InvalidOperationException("Plan files do not import: " + string.Join("; ", problems));
        return (
            plans.ToDictionary(p => p.Plan.Id, p => p.Plan, StringComparer.Ordinal),
            [.. plans.SelectMany(p => p.Measures.Select(m => MeasureMerge.Create(p.Plan.Id, m)))]);
    }
}
