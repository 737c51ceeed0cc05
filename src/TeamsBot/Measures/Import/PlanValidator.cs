using System.Globalization;
using System.Text.RegularExpressions;
using TeamsBot.Localization;

namespace TeamsBot.Measures.Import;

/// <summary>Checks a plan file completely and turns it into an <see cref="ImportedPlan"/>, or lists every problem.</summary>
public static partial class PlanValidator
{
    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$")]
    private static partial Regex IdPattern();

    public static (ImportedPlan? Plan, IReadOnlyList<ImportProblem> Problems) Validate(string file, PlanFile source)
    {
        var problems = new List<ImportProblem>();
        var planItem = source.Id ?? "(plan)";
        void Problem(string item, string field, string message) => problems.Add(new(file, item, field, message));

        RequireId(source.Id, planItem, "id", Problem);
        Require(source.Title, planItem, "title", Problem);
        var language = source.Language ?? "";
        if (language is not ("nb" or "nn" or "en")) Problem(planItem, "language", $"'{language}' is not one of nb, nn, en");
        var startDate = ParseDate(source.StartDate, planItem, "startDate", required: true, Problem);

        var areas = new List<Area>();
        var measures = new List<ImportedMeasure>();
        var areaIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var measureIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (source.Areas is not { Count: > 0 }) Problem(planItem, "areas", "the plan has no areas");

        foreach (var (area, areaNumber) in (source.Areas ?? []).Select((a, i) => (a, i + 1)))
        {
            var areaItem = area?.Id ?? $"area #{areaNumber}";
            if (area is null) { Problem(areaItem, "(area)", "is empty"); continue; }
            RequireId(area.Id, areaItem, "id", Problem);
            if (area.Id is not null && !areaIds.Add(area.Id)) Problem(areaItem, "id", "is used by another area in this plan");
            Require(area.Title, areaItem, "title", Problem);
            areas.Add(new Area(area.Id ?? "", area.Title ?? "", area.Goal ?? "", area.ReportReferences ?? []));

            foreach (var (measure, measureNumber) in (area.Measures ?? []).Select((m, i) => (m, i + 1)))
            {
                var item = measure?.Id ?? $"{areaItem} measure #{measureNumber}";
                if (measure is null) { Problem(item, "(measure)", "is empty"); continue; }
                RequireId(measure.Id, item, "id", Problem);
                if (measure.Id is not null && !measureIds.Add(measure.Id)) Problem(item, "id", "is used by another measure in this plan");
                Require(measure.Title, item, "title", Problem);
                if (!StatusLabels.TryParse(measure.Status, out var status))
                    Problem(item, "status", $"'{measure.Status}' is not a known status (known: {string.Join(", ", StatusLabels.KnownLabels)})");
                var deadline = ParseDate(measure.Deadline, item, "deadline", required: false, Problem);
                if (deadline is not null && string.IsNullOrWhiteSpace(measure.DeadlineText))
                    Problem(item, "deadlineText", "is required with deadline: the words the plan uses for it");

                var remark = measure.Remark ?? "";
                var facts = RemarkFactsExtractor.Extract(remark, language, startDate);
                measures.Add(new ImportedMeasure(
                    measure.Id ?? "",
                    area.Id ?? "",
                    measures.Count + 1,
                    measure.Title?.Trim() ?? "",
                    status,
                    remark,
                    measure.Owners ?? facts.Owners,
                    deadline ?? (measure.Deadline is null ? facts.Deadline : null),
                    measure.Deadline is null ? facts.DeadlineText : measure.DeadlineText,
                    measure.Aliases ?? []));
            }
        }

        if (problems.Count > 0) return (null, problems);
        var plan = new Plan(source.Id!, source.Title!.Trim(), language, source.Issuer ?? "", source.Source ?? "", startDate!.Value, areas);
        return (new ImportedPlan(file, plan, measures), problems);
    }

    private static void Require(string? value, string item, string field, Action<string, string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(value)) problem(item, field, "is missing or empty");
    }

    private static void RequireId(string? value, string item, string field, Action<string, string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(value)) problem(item, field, "is missing or empty");
        else if (!IdPattern().IsMatch(value))
            problem(item, field, $"'{value}' is not a valid id (letters, digits, '.', '_' and '-', at most 64, starting with a letter or digit)");
    }

    private static DateOnly? ParseDate(string? value, string item, string field, bool required, Action<string, string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) problem(item, field, "is missing or empty");
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problem(item, field, $"'{value}' is not a date in the form yyyy-MM-dd");
        return null;
    }
}
