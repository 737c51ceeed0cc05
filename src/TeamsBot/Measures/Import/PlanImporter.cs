using TeamsBot.Measures.Storage;

namespace TeamsBot.Measures.Import;

/// <summary>
/// Imports plan files: everything is read and validated before anything is written; then each new or changed measure
/// is written with its "import" history row. A second import of the same files writes nothing.
/// </summary>
public sealed class PlanImporter(MeasureStore store, MeasureIndex index, TimeProvider time, ILogger<PlanImporter> logger)
{
    public const string Source = "import";

    public async Task<ImportReport> ImportAsync(IReadOnlyList<string> paths, CancellationToken ct)
    {
        var (plans, problems) = ReadAll(paths);
        if (problems.Count > 0) return ImportReport.Failed(problems);

        await store.EnsureTablesAsync(ct);
        int plansWritten = 0, created = 0, updated = 0, unchanged = 0;
        var notInFile = new List<string>();
        foreach (var imported in plans)
        {
            var storedPlan = await store.GetPlanAsync(imported.Plan.Id, ct);
            if (storedPlan is null || !storedPlan.HasSameContent(imported.Plan))
            {
                await store.UpsertPlanAsync(imported.Plan, ct);
                index.Apply(imported.Plan);
                plansWritten++;
            }

            var stored = await store.GetMeasuresAsync(null, ct, imported.Plan.Id).ToDictionaryAsync(m => m.Id, cancellationToken: ct);
            var (added, toMerge) = await AddNewMeasuresAsync(imported, stored, ct);
            created += added;
            foreach (var measure in toMerge)
            {
                switch (await ImportMeasureWithRetryAsync(imported, measure, stored.GetValueOrDefault(measure.Id), ct))
                {
                    case Outcome.Created: created++; break;
                    case Outcome.Updated: updated++; break;
                    default: unchanged++; break;
                }
            }
            notInFile.AddRange(stored.Keys.Except(imported.Measures.Select(m => m.Id)).Select(id => $"{imported.Plan.Id}/{id}"));
        }

        logger.LogInformation(
            "Import finished: {Plans} plans written, {Created} measures created, {Updated} updated, {Unchanged} unchanged",
            plansWritten, created, updated, unchanged);
        return new ImportReport([], plansWritten, created, updated, unchanged, notInFile);
    }

    public static (IReadOnlyList<ImportedPlan> Plans, IReadOnlyList<ImportProblem> Problems) ReadAll(IReadOnlyList<string> paths)
    {
        var plans = new List<ImportedPlan>();
        var problems = new List<ImportProblem>();
        var files = ExpandPaths(paths, problems);
        if (files.Count == 0 && problems.Count == 0)
            problems.Add(new ImportProblem(string.Join(", ", paths), "(files)", "(files)", "no plan files (*.json) found"));

        foreach (var file in files)
        {
            var (source, readProblem) = PlanFileReader.Read(file);
            if (readProblem is not null) { problems.Add(readProblem); continue; }
            var (plan, planProblems) = PlanValidator.Validate(Path.GetFileName(file), source!);
            problems.AddRange(planProblems);
            if (plan is null) continue;
            if (plans.FirstOrDefault(p => string.Equals(p.Plan.Id, plan.Plan.Id, StringComparison.OrdinalIgnoreCase)) is { } twin)
                problems.Add(new ImportProblem(plan.File, plan.Plan.Id, "id", $"the plan id is also used by {twin.File}"));
            else
                plans.Add(plan);
        }
        return (plans, problems);
    }

    /// <summary>
    /// The plan's measures the store does not have yet, written in bulk (a first import of a big plan is a few
    /// transactions, not one per measure). Returns how many were added and the measures left to merge one by one:
    /// those already stored, and those someone else added meanwhile.
    /// </summary>
    private async Task<(int Added, IReadOnlyList<ImportedMeasure> ToMerge)> AddNewMeasuresAsync(
        ImportedPlan plan, Dictionary<string, Measure> stored, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var fresh = plan.Measures.Where(m => !stored.ContainsKey(m.Id)).ToList();
        var writes = fresh.Select(file =>
        {
            var created = MeasureMerge.Create(plan.Plan.Id, file) with { UpdatedAt = now, UpdatedBy = Source, ImportSnapshot = ImportSnapshot.Of(file) };
            return (created, History(created, MeasureMerge.Diff(null, created), now));
        }).ToList();
        var saved = writes.Count == 0 ? [] : await store.AddManyAsync(writes, ct);
        index.Apply([.. saved.OfType<Measure>()]);

        var lost = fresh.Where((_, i) => saved[i] is null).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var toMerge = plan.Measures.Where(m => stored.ContainsKey(m.Id) || lost.Contains(m.Id)).ToList();
        return (saved.Count(m => m is not null), toMerge);
    }

    /// <summary>Someone may update the measure between our read and our write: read again and merge again.</summary>
    private async Task<Outcome> ImportMeasureWithRetryAsync(ImportedPlan plan, ImportedMeasure file, Measure? current, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ImportMeasureAsync(plan, file, current, ct);
            }
            catch (MeasureConflictException) when (attempt < 3)
            {
                current = await store.GetMeasureAsync(plan.Plan.Id, file.Id, ct);
            }
        }
    }

    private async Task<Outcome> ImportMeasureAsync(ImportedPlan plan, ImportedMeasure file, Measure? current, CancellationToken ct)
    {
        var snapshot = ImportSnapshot.Of(file);
        var now = time.GetUtcNow();
        if (current is null)
        {
            var created = MeasureMerge.Create(plan.Plan.Id, file) with { UpdatedAt = now, UpdatedBy = Source, ImportSnapshot = snapshot };
            var saved = await store.AddAsync(created, History(created, MeasureMerge.Diff(null, created), now), ct);
            index.Apply([saved]);
            return Outcome.Created;
        }
        if (current.ImportSnapshot == snapshot) return Outcome.Unchanged;

        var merged = MeasureMerge.Apply(current, ImportSnapshot.Parse(current.ImportSnapshot), file);
        var changes = MeasureMerge.Diff(current, merged);
        var next = merged with
        {
            ImportSnapshot = snapshot,
            UpdatedAt = changes.Count > 0 ? now : current.UpdatedAt,
            UpdatedBy = changes.Count > 0 ? Source : current.UpdatedBy,
        };
        var written = await store.UpdateAsync(next, History(next, changes, now), ct);
        index.Apply([written]);
        return changes.Count > 0 ? Outcome.Updated : Outcome.Unchanged;
    }

    private static HistoryEntry History(Measure measure, IReadOnlyList<FieldChange> changes, DateTimeOffset at) =>
        new(measure.PlanId, measure.Id, at, Source, Source, changes, null);

    private static List<string> ExpandPaths(IReadOnlyList<string> paths, List<ImportProblem> problems)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path)) files.AddRange(Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal));
            else if (File.Exists(path)) files.Add(path);
            else problems.Add(new ImportProblem(path, "(file)", "(path)", "no such file or folder"));
        }
        return files;
    }

    private enum Outcome { Created, Updated, Unchanged }
}
