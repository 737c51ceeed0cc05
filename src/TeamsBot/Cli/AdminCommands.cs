using TeamsBot.Measures.Export;
using TeamsBot.Measures.Import;
using TeamsBot.Measures.Storage;

namespace TeamsBot.Cli;

/// <summary>
/// One-shot commands run with the service's own configuration instead of the web server:
/// <c>import [files or folders] [--if-empty]</c> and <c>export &lt;planId&gt; [--format markdown|csv]</c>.
/// </summary>
public static class AdminCommands
{
    public static bool IsCommand(string[] args) => args is ["import", ..] or ["export", ..];

    /// <summary>The web server's options don't apply to a command; keep them from being parsed as configuration.</summary>
    public static string[] ConfigurationArgs(string[] args) => IsCommand(args) ? [] : args;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        try
        {
            return args[0] switch
            {
                "import" => await ImportAsync(args[1..], services, output, error, ct),
                _ => await ExportAsync(args[1..], services, output, error, ct),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error.WriteLine($"{args[0]} failed: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> ImportAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var ifEmpty = args.Contains("--if-empty");
        var paths = args.Where(a => a != "--if-empty").ToList();
        if (paths.Count == 0) paths.Add(Path.Combine("data", "plans"));
        var store = services.GetRequiredService<MeasureStore>();
        if (ifEmpty)
        {
            await store.EnsureTablesAsync(ct);
            if (await store.GetPlansAsync(ct).AnyAsync(ct))
            {
                output.WriteLine("The store already holds plans; nothing imported (--if-empty).");
                return 0;
            }
        }

        var report = await services.GetRequiredService<PlanImporter>().ImportAsync(paths, ct);
        if (!report.Succeeded)
        {
            error.WriteLine($"Import refused, nothing was written. {report.Problems.Count} problem(s):");
            foreach (var problem in report.Problems) error.WriteLine($"  {problem}");
            return 1;
        }
        output.WriteLine($"Imported: {report.PlansWritten} plan(s) written, {report.MeasuresCreated} measure(s) created, " +
                         $"{report.MeasuresUpdated} updated, {report.MeasuresUnchanged} unchanged.");
        if (report.MeasuresNotInFile.Count > 0)
            output.WriteLine($"Kept, but no longer in the files: {string.Join(", ", report.MeasuresNotInFile)}");
        return 0;
    }

    private static async Task<int> ExportAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var planId = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var formatAt = Array.IndexOf(args, "--format");
        var format = formatAt >= 0 && formatAt + 1 < args.Length ? args[formatAt + 1] : "markdown";
        if (planId is null || format is not ("markdown" or "md" or "csv"))
        {
            error.WriteLine("usage: export <planId> [--format markdown|csv]");
            return 2;
        }

        var store = services.GetRequiredService<MeasureStore>();
        await store.EnsureTablesAsync(ct);
        var plan = await store.GetPlanAsync(planId, ct);
        if (plan is null)
        {
            var known = await store.GetPlansAsync(ct).Select(p => p.Id).ToListAsync(ct);
            error.WriteLine($"No plan '{planId}'. Known plans: {(known.Count == 0 ? "none (run import first)" : string.Join(", ", known))}.");
            return 1;
        }
        var measures = await store.GetMeasuresAsync(null, ct, plan.Id).ToListAsync(ct);
        output.Write(format == "csv" ? PlanExporter.ToCsv(plan, measures) : PlanExporter.ToMarkdown(plan, measures));
        return 0;
    }
}
