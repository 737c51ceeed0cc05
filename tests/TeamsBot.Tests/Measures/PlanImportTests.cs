using TeamsBot.Measures;
using TeamsBot.Measures.Import;
using TeamsBot.Measures.Storage;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Measures;

[Collection(AzuriteCollection.Name)]
public sealed class PlanImportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;
    private readonly PlanFiles _files = new();

    public async Task InitializeAsync() => _app = await TestApp.CreateAsync(azurite, start: false);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _files.Dispose();
    }

    private PlanImporter Importer => _app.Get<PlanImporter>();
    private MeasureStore Store => _app.Get<MeasureStore>();

    private async Task<List<Measure>> MeasuresOf(string planId) =>
        await Store.GetMeasuresAsync(null, CancellationToken.None, planId).ToListAsync();

    /// <summary>A refused import must not even create the tables, so look without assuming they exist.</summary>
    private async Task<bool> NothingStored()
    {
        await Store.EnsureTablesAsync(CancellationToken.None);
        return !await Store.GetPlansAsync(CancellationToken.None).AnyAsync() &&
               !await Store.GetMeasuresAsync(null, CancellationToken.None).AnyAsync();
    }

    private async Task<int> HistoryCount(string planId) =>
        await (await MeasuresOf(planId)).ToAsyncEnumerable()
            .SelectMany(m => Store.GetHistoryAsync(planId, m.Id, CancellationToken.None))
            .CountAsync();

    [Fact]
    public async Task Seed_plans_import_with_the_documented_counts()
    {
        var report = await Importer.ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        var plans = await Store.GetPlansAsync(CancellationToken.None).ToDictionaryAsync(p => p.Id);
        Assert.Equal(["22-juli", "25-juni", "faglige-rad-2025"], plans.Keys.Order().ToArray());

        var juni = await MeasuresOf("25-juni");
        Assert.Equal(30, juni.Count);
        Assert.Equal(6, plans["25-juni"].Areas.Count);
        Assert.Equal(21, juni.Count(m => m.Status == MeasureStatus.InProgress));
        Assert.Equal(5, juni.Count(m => m.Status == MeasureStatus.UnderPlanning));
        Assert.Equal(4, juni.Count(m => m.Status == MeasureStatus.Implemented));
        Assert.All(plans["25-juni"].Areas, a => Assert.False(string.IsNullOrWhiteSpace(a.Goal)));

        var juli = await MeasuresOf("22-juli");
        Assert.Equal(8, juli.Count);
        Assert.All(juli, m => Assert.Equal(MeasureStatus.Implemented, m.Status));
        Assert.Contains(juli, m => m.Remark.Contains("3,495"));
        Assert.Contains(juli, m => m.Remark.Contains("40 to 48 hours"));
        Assert.Contains(juli, m => m.Remark.Contains("86"));

        Assert.Equal(5, plans["faglige-rad-2025"].Areas.Count);
        Assert.All(await MeasuresOf("faglige-rad-2025"), m => Assert.Equal(MeasureStatus.Recommended, m.Status));

        Assert.Equal(report.MeasuresCreated, juni.Count + juli.Count + (await MeasuresOf("faglige-rad-2025")).Count);
        Assert.Equal(30, await HistoryCount("25-juni"));
    }

    [Fact]
    public async Task Deadline_stated_in_a_remark_is_extracted_as_a_date()
    {
        await Importer.ImportAsync([PlanFiles.Seed("25-juni")], CancellationToken.None);

        var withFrist = (await MeasuresOf("25-juni")).Where(m => m.Remark.Contains("1. september 2023")).ToList();
        Assert.NotEmpty(withFrist);
        Assert.All(withFrist, m => Assert.Equal(new DateOnly(2023, 9, 1), m.Deadline));
    }

    [Fact]
    public async Task A_second_import_of_the_same_files_changes_nothing()
    {
        await Importer.ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);
        var before = (await MeasuresOf("25-juni")).ToDictionary(m => m.Id, m => m.Version);

        var again = await Importer.ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);

        Assert.Equal((0, 0, 0), (again.PlansWritten, again.MeasuresCreated, again.MeasuresUpdated));
        Assert.Equal(before, (await MeasuresOf("25-juni")).ToDictionary(m => m.Id, m => m.Version));
        Assert.Equal(30, await HistoryCount("25-juni"));
    }

    [Fact]
    public async Task A_changed_file_updates_only_what_changed_with_an_import_history_row()
    {
        await Importer.ImportAsync([PlanFiles.Seed("25-juni")], CancellationToken.None);
        var newRemark = "";
        var edited = _files.CopySeed("25-juni", plan =>
        {
            var measure = PlanFiles.Measure(plan, "25-juni-02");
            newRemark = (string)measure["remark"]! + " Tillegg fra fila.";
            measure["remark"] = newRemark;
        });

        var report = await Importer.ImportAsync([edited], CancellationToken.None);

        Assert.Equal(1, report.MeasuresUpdated);
        Assert.Equal(29, report.MeasuresUnchanged);
        var history = await Store.GetHistoryAsync("25-juni", "25-juni-02", CancellationToken.None).ToListAsync();
        Assert.Equal(2, history.Count);
        var newest = history[0];
        Assert.Equal("import", newest.Source);
        var change = Assert.Single(newest.Changes);
        Assert.Equal(("remark", newRemark), (change.Field, change.New));
    }

    [Fact]
    public async Task A_first_import_of_a_plan_bigger_than_one_transaction_writes_every_measure_with_its_import_history_row()
    {
        var path = _files.CopySeed("25-juni", plan =>
        {
            var measures = plan["areas"]![0]!["measures"]!.AsArray();
            for (var i = 0; i < 150; i++)
                measures.Add(new System.Text.Json.Nodes.JsonObject
                {
                    ["id"] = $"25-juni-x{i:D3}", ["title"] = $"Ekstra tiltak {i}", ["status"] = "pågående", ["remark"] = "Frist 1. september 2027",
                });
        });

        var report = await Importer.ImportAsync([path], CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal((180, 0, 0), (report.MeasuresCreated, report.MeasuresUpdated, report.MeasuresUnchanged));
        Assert.Equal(180, (await MeasuresOf("25-juni")).Count);
        Assert.Equal(180, await HistoryCount("25-juni"));
        var again = await Importer.ImportAsync([path], CancellationToken.None);
        Assert.Equal((0, 0, 180), (again.MeasuresCreated, again.MeasuresUpdated, again.MeasuresUnchanged));
    }

    [Fact]
    public async Task Re_importing_an_unchanged_file_keeps_a_status_updated_in_Teams()
    {
        await Importer.ImportAsync([PlanFiles.Seed("25-juni")], CancellationToken.None);
        var measure = (await Store.GetMeasureAsync("25-juni", "25-juni-01", CancellationToken.None))!;
        var updated = measure with { Status = MeasureStatus.Implemented, UpdatedBy = "kari@politiet.no" };
        await Store.UpdateAsync(updated, new HistoryEntry("25-juni", "25-juni-01", DateTimeOffset.UtcNow, "kari@politiet.no", "card",
            [new FieldChange("status", measure.Status.ToString(), "Implemented")], null), CancellationToken.None);

        var report = await Importer.ImportAsync([PlanFiles.Seed("25-juni")], CancellationToken.None);

        Assert.Equal(0, report.MeasuresUpdated);
        Assert.Equal(MeasureStatus.Implemented, (await Store.GetMeasureAsync("25-juni", "25-juni-01", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task An_update_made_from_the_read_index_copy_survives_a_re_import()
    {
        await Importer.ImportAsync([PlanFiles.Seed("25-juni")], CancellationToken.None);
        var loader = _app.Get<MeasureIndexLoader>();
        await loader.LoadAsync(CancellationToken.None);
        var fromIndex = _app.Get<MeasureIndex>().Current.Find("25-juni", "25-juni-02")!;
        Assert.Null(fromIndex.ImportSnapshot);

        await Store.UpdateAsync(fromIndex with { Status = MeasureStatus.Implemented },
            new HistoryEntry("25-juni", "25-juni-02", DateTimeOffset.UtcNow, "kari", "card", [new FieldChange("status", "InProgress", "Implemented")], null),
            CancellationToken.None);
        var report = await Importer.ImportAsync([PlanFiles.Seed("25-juni")], CancellationToken.None);

        Assert.Equal(0, report.MeasuresUpdated);
        Assert.Equal(MeasureStatus.Implemented, (await Store.GetMeasureAsync("25-juni", "25-juni-02", CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData("status", "ferdig", "status", "'ferdig' is not a known status")]
    [InlineData("title", "", "title", "is missing or empty")]
    [InlineData("deadline", "31.12.2024", "deadline", "is not a date in the form yyyy-MM-dd")]
    [InlineData("id", "25-juni-01", "id", "is used by another measure")]
    [InlineData("id", "a/b", "id", "is not a valid id")]
    public async Task A_bad_measure_is_named_by_file_item_and_field_and_nothing_is_written(
        string field, string value, string expectedField, string expectedMessage)
    {
        var path = _files.CopySeed("25-juni", plan =>
        {
            var measure = PlanFiles.Measure(plan, "25-juni-05");
            measure[field] = value;
            if (field == "deadline") measure["deadlineText"] = "31.12.2024";
        });

        var report = await Importer.ImportAsync([path], CancellationToken.None);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("25-juni.json", problem.File);
        Assert.Equal(expectedField, problem.Field);
        Assert.Contains(expectedMessage, problem.Message);
        Assert.Equal(field == "id" && value != "a/b" ? "25-juni-01" : field == "id" ? "a/b" : "25-juni-05", problem.Item);
        Assert.True(await NothingStored());
    }

    [Fact]
    public async Task One_broken_file_among_good_ones_writes_nothing()
    {
        var good = _files.CopySeed("22-juli");
        _files.Write("broken.json", "{ \"id\": \"x\", \"areas\": [ ");

        var report = await Importer.ImportAsync([_files.Folder], CancellationToken.None);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("broken.json", problem.File);
        Assert.Contains("not valid plan JSON", problem.Message);
        Assert.True(File.Exists(good));
        Assert.True(await NothingStored());
    }

    [Fact]
    public async Task Unknown_fields_and_duplicate_plan_ids_are_refused()
    {
        _files.CopySeed("22-juli", plan => plan["colour"] = "blue");
        var report = await Importer.ImportAsync([_files.Folder], CancellationToken.None);
        Assert.Contains(report.Problems, p => p.File == "22-juli.json" && p.Message.Contains("not valid plan JSON"));

        using var twins = new PlanFiles();
        var first = twins.CopySeed("22-juli");
        var second = twins.Write("copy.json", File.ReadAllText(first));
        var twinReport = await Importer.ImportAsync([first, second], CancellationToken.None);
        Assert.Contains(twinReport.Problems, p => p.Field == "id" && p.Message.Contains("also used by"));
        Assert.True(await NothingStored());
    }
}
