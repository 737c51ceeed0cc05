using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsBot.Digest;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Import;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Digest;

/// <summary>The brief's figures and card: right numbers, valid for Teams, rendered, and under the size budget.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DigestCardTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = DigestHarness.Week47Monday;

    private static DigestReportBuilder Builder(DigestOptions? options = null) => new(Options.Create(options ?? new DigestOptions()));

    private static Measure M(string plan, string id, string area, MeasureStatus status, DateOnly? deadline = null, DateTimeOffset? updated = null, string? title = null) => new()
    {
        PlanId = plan, Id = id, AreaId = area, Order = int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture), Title = title ?? $"Tiltak {id}",
        Status = status, Deadline = deadline, UpdatedAt = updated ?? Now.AddDays(-3),
    };

    private static MeasureSnapshot Snapshot(IEnumerable<Plan> plans, IEnumerable<Measure> measures) => new(
        plans.ToImmutableDictionary(p => p.Id, StringComparer.Ordinal),
        measures.ToImmutableDictionary(m => new MeasureKey(m.PlanId, m.Id)));

    private static readonly Plan PlanA = new("a", "Plan A *viktig*", "nb", "POD", "", new DateOnly(2023, 1, 1),
        [new Area("x", "Område X", "", []), new Area("y", "Område Y", "", [])]);

    [Fact]
    public void Figures_counts_changes_overdue_due_soon_and_stale()
    {
        var today = new DateOnly(2026, 11, 16);
        var measures = new[]
        {
            M("a", "m1", "x", MeasureStatus.InProgress, deadline: today.AddDays(-1)),               // overdue
            M("a", "m2", "x", MeasureStatus.Implemented, deadline: today.AddDays(-30)),             // implemented: not overdue
            M("a", "m3", "y", MeasureStatus.UnderPlanning, deadline: today.AddDays(14)),            // due soon (day 14)
            M("a", "m4", "y", MeasureStatus.InProgress, deadline: today.AddDays(15), updated: Now.AddDays(-57)), // stale, not due soon
            M("a", "m5", "y", MeasureStatus.InProgress, deadline: today),                           // due today: soon, not overdue
        };
        var since = Now.AddDays(-7);
        HistoryEntry[] history =
        [
            new("a", "m1", Now.AddDays(-2), "Kari", "card", [new FieldChange("status", "UnderPlanning", "InProgress")], null),
            new("a", "m3", Now.AddDays(-1), "Ola", "card", [new FieldChange("remark", "gammel", "ny")], null),
            new("a", "m4", Now.AddDays(-8), "Per", "card", [new FieldChange("status", "UnderPlanning", "InProgress")], null), // before the last brief
        ];

        var report = Builder().Build(Snapshot([PlanA], measures), history, DigestFilter.None, Now, since);

        var plan = Assert.Single(report.Plans);
        Assert.Equal(5, plan.Counts.Total);
        Assert.Equal(3, plan.Counts.ByStatus[MeasureStatus.InProgress]);
        Assert.Equal([2, 3], plan.Areas.Select(a => a.Counts.Total));
        Assert.Equal(["m3", "m1"], report.Changes.Select(c => c.Measure.Id));
        Assert.Equal((MeasureStatus.UnderPlanning, MeasureStatus.InProgress), (report.Changes[1].From!.Value, report.Changes[1].To!.Value));
        Assert.True(report.Changes[0].RemarkChanged);
        Assert.Equal(["m1"], report.Overdue.Select(m => m.Id));
        Assert.Equal(["m5", "m3"], report.DueSoon.Select(m => m.Id));
        Assert.Equal(["m4"], report.Stale.Select(m => m.Id));

        var areaOnly = Builder().Build(Snapshot([PlanA], measures), history, new DigestFilter([], ["x"]), Now, since);
        Assert.Equal(2, areaOnly.Plans[0].Counts.Total);
        Assert.Equal(["m1"], areaOnly.Changes.Select(c => c.Measure.Id));
    }

    [Fact]
    public async Task Status_per_plan_is_a_stacked_bar_chart_of_the_counts_falling_back_to_the_counts_as_facts()
    {
        var planB = new Plan("b", "Plan B", "nb", "POD", "", new DateOnly(2024, 1, 1), [new Area("z", "Område Z", "", [])]);
        var today = new DateOnly(2026, 11, 16);
        var measures = new[]
        {
            M("a", "m1", "x", MeasureStatus.InProgress, deadline: today.AddDays(-1)),
            M("a", "m2", "x", MeasureStatus.Implemented),
            M("a", "m3", "y", MeasureStatus.Implemented),
            M("a", "m4", "y", MeasureStatus.UnderPlanning),
            M("b", "m5", "z", MeasureStatus.Recommended),
        };
        var report = Builder().Build(Snapshot([PlanA, planB], measures), [], DigestFilter.None, Now, Now.AddDays(-7));

        var json = new DigestCard(Options.Create(new DigestOptions())).Build(report, UserLanguage.Bokmal).ToJsonNode();

        var chart = json["body"]!.AsArray().Single(e => (string?)e!["type"] == "Chart.HorizontalBar.Stacked")!;
        var bars = chart["data"]!.AsArray().Select(b => (
            Title: (string)b!["title"]!,
            Parts: string.Join(", ", b["data"]!.AsArray().Select(p => $"{(string)p!["legend"]!} {(double)p["value"]!} {(string)p["color"]!}"))));
        Assert.Equal(
            [("Plan A *viktig*", "Iverksatt 2 good, Pågående 1 categoricalBlue, Under planlegging 1 warning"), ("Plan B", "Anbefalt 1 neutral")],
            bars);
        var fallback = chart["fallback"]!["items"]!.AsArray();
        Assert.Equal(@"**Plan A \*viktig\***", (string?)fallback[0]!["text"]);
        Assert.Equal(["under planlegging 1", "pågående 1", "iverksatt 2"],
            fallback[1]!["facts"]!.AsArray().Select(f => $"{(string)f!["title"]!} {(string)f["value"]!}"));
        Assert.Equal(["anbefalt 1"], fallback[3]!["facts"]!.AsArray().Select(f => $"{(string)f!["title"]!} {(string)f["value"]!}"));

        await CardValidator.AssertValidAsync(json.ToJsonString());
        var shot = (await CardRenderer.RenderAsync(new Dictionary<string, string> { ["digest-status-fallback"] = json.ToJsonString() })).Single();
        Assert.Empty(shot.Errors);
        Assert.Contains("Plan A *viktig*", shot.Text, StringComparison.Ordinal);
        Assert.Matches(@"under planlegging\s+1\s+pågående\s+1\s+iverksatt\s+2", shot.Text);
        Assert.Matches(@"Plan B\s+anbefalt\s+1", shot.Text);
        // Plan A's areas are listed after the chart, so Teams (which draws the chart, not its fallback) shows them too.
        Assert.Contains("Område X: 1 pågående, 1 iverksatt", shot.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_card_on_the_seed_plans_is_valid_renders_and_has_the_measure_buttons()
    {
        await using var app = await DigestHarness.StartAsync(azurite, new FakeTimeProvider(Now));
        await app.Get<PlanImporter>().ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);
        var snapshot = app.Get<MeasureIndex>().Current;
        var first = snapshot.Measures.Values.First(m => m.PlanId == "25-juni");
        HistoryEntry[] history = [new(first.PlanId, first.Id, Now.AddDays(-1), "Kari Nordmann", "card", [new FieldChange("status", "UnderPlanning", "InProgress")], "Kripos har levert <første> del")];
        var report = Builder().Build(snapshot, history, DigestFilter.None, Now, Now.AddDays(-7));
        var cards = new DigestCard(Options.Create(new DigestOptions()));

        var bokmal = cards.Build(report, UserLanguage.Bokmal).ToJson();
        var english = cards.Build(report, UserLanguage.English).ToJson();

        await CardValidator.AssertValidAsync(bokmal, english);
        Assert.Contains("Uke 47, 16.–22. november 2026", bokmal);
        Assert.Contains("Week 47, 16–22 November 2026", english);
        Assert.Contains("\"verb\":\"measure.show\"", bokmal);
        Assert.Contains("\"verb\":\"measure.edit\"", bokmal);
        Assert.Contains($"\"measureId\":\"{first.Id}\"", bokmal);
        Assert.True(Encoding.UTF8.GetByteCount(bokmal) < 80 * 1024);

        var shots = await CardRenderer.RenderAsync(new Dictionary<string, string> { ["digest-brief-nb"] = bokmal, ["digest-brief-en"] = english });
        Assert.All(shots, s => Assert.Empty(s.Errors));
        Assert.All(shots, s => Assert.True(File.Exists(s.PngPath)));
        Assert.Contains("Ukentlig brief", shots[0].Text + shots[1].Text);
    }

    [Fact]
    public async Task A_huge_brief_is_capped_and_summarized_under_80_KB_with_plan_text_escaped()
    {
        var areas = Enumerable.Range(1, 40).Select(i => new Area($"area-{i}", $"Område {i} " + new string('å', 150), "", [])).ToList();
        var plan = PlanA with { Areas = areas };
        var longTitle = "Tiltak med *stjerner* og [lenke](http://x) " + new string('x', 400);
        var measures = Enumerable.Range(1, 3000).Select(i => M("a", $"m{i}", $"area-{i % 40 + 1}", MeasureStatus.InProgress,
            deadline: new DateOnly(2026, 11, 16).AddDays(i % 2 == 0 ? -5 : 5), updated: Now.AddDays(-100), title: longTitle)).ToList();
        var history = measures.Select(m => new HistoryEntry("a", m.Id, Now.AddHours(-1), "Kari", "card", [new FieldChange("remark", "a", "b")], null)).ToList();
        var report = Builder().Build(Snapshot([plan], measures), history, DigestFilter.None, Now, Now.AddDays(-7));

        var json = new DigestCard(Options.Create(new DigestOptions())).Build(report, UserLanguage.Bokmal).ToJson();

        Assert.True(Encoding.UTF8.GetByteCount(json) <= 80 * 1024, $"{Encoding.UTF8.GetByteCount(json)} bytes");
        Assert.Contains("… og 2990 til", json);
        Assert.Contains(@"Tiltak med \\*stjerner\\* og \\[lenke\\](http://x)", json);
        Assert.Contains(@"Plan A \\*viktig\\*", json);
        await CardValidator.AssertValidAsync(json);
    }
}
