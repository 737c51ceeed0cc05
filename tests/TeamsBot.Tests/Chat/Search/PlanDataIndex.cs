using TeamsBot.Measures;
using TeamsBot.Measures.Import;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Chat.Search;

/// <summary>A <see cref="MeasureIndex"/> loaded from the repository's real plan files (no storage involved).</summary>
public static class PlanDataIndex
{
    public static MeasureIndex Load()
    {
        var folder = Path.Combine(RepoPaths.Root, "data", "plans");
        var paths = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        var (plans, problems) = PlanImporter.ReadAll(paths);
        Assert.Empty(problems);
        var index = new MeasureIndex();
        index.Load(
            plans.Select(p => p.Plan),
            plans.SelectMany(p => p.Measures.Select(m => MeasureMerge.Create(p.Plan.Id, m))));
        return index;
    }
}
