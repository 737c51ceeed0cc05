using System.Globalization;
using System.Text.Json;
using TeamsBot.Measures.Import;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Measures.Import;

/// <summary>The plan files in data/plans: their counts, and what the importer will make of their remarks.</summary>
public class PlanDataFilesTests
{
    private sealed record DataMeasure(string Id, string Title, string Status, string Remark, JsonElement Json);

    private static (JsonElement Plan, IReadOnlyList<JsonElement> Areas, IReadOnlyList<DataMeasure> Measures) Load(string planId)
    {
        var path = Path.Combine(RepoPaths.Root, "data", "plans", planId + ".json");
        var plan = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        var areas = plan.GetProperty("areas").EnumerateArray().ToList();
        var measures = areas
            .SelectMany(a => a.GetProperty("measures").EnumerateArray())
            .Select(m => new DataMeasure(
                m.GetProperty("id").GetString()!, m.GetProperty("title").GetString()!,
                m.GetProperty("status").GetString()!, m.GetProperty("remark").GetString()!, m))
            .ToList();
        return (plan, areas, measures);
    }

    [Theory]
    [InlineData("25-juni")]
    [InlineData("22-juli")]
    [InlineData("faglige-rad-2025")]
    public void Ids_are_unique_numbered_in_order_and_titles_are_not_empty(string planId)
    {
        var (plan, areas, measures) = Load(planId);

        Assert.Equal(planId, plan.GetProperty("id").GetString());
        Assert.Equal(areas.Count, areas.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(measures.Select((_, i) => $"{planId}-{i + 1:00}"), measures.Select(m => m.Id));
        Assert.All(measures, m => Assert.False(string.IsNullOrWhiteSpace(m.Title), m.Id));
        Assert.All(areas, a => Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("goal").GetString())));
    }

    [Fact]
    public void All_plan_files_pass_the_importers_validation()
    {
        var (plans, problems) = PlanImporter.ReadAll([Path.Combine(RepoPaths.Root, "data", "plans")]);

        Assert.Empty(problems);
        Assert.Equal(["22-juli", "25-juni", "faglige-rad-2025"], plans.Select(p => p.Plan.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_25_juni_plan_has_30_measures_in_6_areas()
    {
        var (plan, areas, measures) = Load("25-juni");

        Assert.Equal("nb", plan.GetProperty("language").GetString());
        Assert.Equal("2023-06-08", plan.GetProperty("startDate").GetString());
        Assert.Equal(6, areas.Count);
        Assert.Equal([6, 7, 6, 1, 8, 2], areas.Select(a => a.GetProperty("measures").GetArrayLength()));
        Assert.Equal(30, measures.Count);
        Assert.Equal(21, measures.Count(m => m.Status == "pågående"));
        Assert.Equal(5, measures.Count(m => m.Status == "under planlegging"));
        Assert.Equal(4, measures.Count(m => m.Status == "iverksatt"));
        Assert.Equal(["kapittel 6 (side 64-65)", "kapittel 7 (side 91)", "kapittel 8 (side 105)"],
            areas[0].GetProperty("reportReferences").EnumerateArray().Select(r => r.GetString()));
    }

    // What a coordinator sees: the file's explicit owners/deadline where it has them, else the extractor's reading.
    [Theory]
    [InlineData("25-juni-01", "POD,JD", null, null)]
    [InlineData("25-juni-02", "", "2023-11-30", "høst 2023")]
    [InlineData("25-juni-03", "Helsedirektoratet", "2023-07-01", "1. juli 2023")]
    [InlineData("25-juni-04", "JD,Politidistriktene", "2023-09-30", "september 2023")]
    [InlineData("25-juni-05", "Politidistriktene,Særorganene", null, null)]
    [InlineData("25-juni-06", "PST,KDI", null, null)]
    [InlineData("25-juni-07", "POD,PST", "2023-09-01", "1. september 2023")]
    [InlineData("25-juni-10", "PST,POD", "2023-11-30", "høsten 2023")]
    [InlineData("25-juni-11", "PST,POD,Politidistriktene,Særorganene", "2023-08-15", "15. august 2023")]
    [InlineData("25-juni-12", "PST,Kripos", null, null)]
    [InlineData("25-juni-14", "PHS,JD", "2023-09-01", "1. september 2023")]
    [InlineData("25-juni-15", "PHS", null, null)]
    [InlineData("25-juni-17", "Politidistriktene,PU", "2023-12-31", "2022/2023")]
    [InlineData("25-juni-22", "", "2023-12-31", "2023")]
    [InlineData("25-juni-29", "POD,NIM,JD", null, null)]
    [InlineData("25-juni-30", "POD,JD", null, null)]
    public void The_25_juni_owners_and_deadlines(string id, string owners, string? deadline, string? text)
    {
        var measure = Load("25-juni").Measures.Single(m => m.Id == id);
        var facts = RemarkFactsExtractor.Extract(measure.Remark, "nb");

        var effectiveOwners = measure.Json.TryGetProperty("owners", out var o)
            ? o.EnumerateArray().Select(x => x.GetString()!).ToList()
            : facts.Owners;
        var (effectiveDeadline, effectiveText) = measure.Json.TryGetProperty("deadline", out var d)
            ? (DateOnly.Parse(d.GetString()!, CultureInfo.InvariantCulture), measure.Json.GetProperty("deadlineText").GetString())
            : (facts.Deadline, facts.DeadlineText);

        Assert.Equal(owners, string.Join(",", effectiveOwners));
        Assert.Equal(deadline is null ? null : DateOnly.Parse(deadline, CultureInfo.InvariantCulture), effectiveDeadline);
        Assert.Equal(text, effectiveText);
    }

    [Fact]
    public void Explicit_fields_in_25_juni_are_only_where_the_extractor_is_wrong()
    {
        var measures = Load("25-juni").Measures;

        Assert.Equal(["25-juni-11"], measures.Where(m => m.Json.TryGetProperty("owners", out _)).Select(m => m.Id));
        Assert.Equal(["25-juni-10"], measures.Where(m => m.Json.TryGetProperty("deadline", out _)).Select(m => m.Id));
        Assert.Equal(new DateOnly(2023, 8, 15), RemarkFactsExtractor.Extract(measures.Single(m => m.Id == "25-juni-10").Remark, "nb").Deadline);
    }

    [Fact]
    public void The_22_juli_plan_has_8_implemented_measures_with_the_figures_as_written()
    {
        var (plan, areas, measures) = Load("22-juli");

        Assert.Equal("en", plan.GetProperty("language").GetString());
        Assert.Single(areas);
        Assert.Equal(8, measures.Count);
        Assert.All(measures, m => Assert.Equal("implemented", m.Status));
        var text = string.Join("\n", measures.Select(m => m.Remark));
        Assert.Contains("3,495", text);
        Assert.Contains("from 40 to 48 hours", text);
        Assert.Contains("86 percent", text);
        Assert.Contains("1 January 2021", text);
        Assert.All(measures, m => Assert.Null(RemarkFactsExtractor.Extract(m.Remark, "en").Deadline));
    }

    [Fact]
    public void The_faglige_rad_2025_plan_has_5_areas_of_recommendations()
    {
        var (plan, areas, measures) = Load("faglige-rad-2025");

        Assert.Equal("nb", plan.GetProperty("language").GetString());
        Assert.Equal(5, areas.Count);
        Assert.All(areas, a => Assert.NotEqual(0, a.GetProperty("measures").GetArrayLength()));
        Assert.Equal(9, measures.Count);
        Assert.All(measures, m => Assert.Equal("anbefalt", m.Status));
    }
}
