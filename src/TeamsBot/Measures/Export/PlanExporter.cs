using System.Text;
using TeamsBot.Localization;

namespace TeamsBot.Measures.Export;

/// <summary>Prints a plan as its source document's table: area → tiltak | status | merknad.</summary>
public static class PlanExporter
{
    public static string ToMarkdown(Plan plan, IEnumerable<Measure> measures)
    {
        var english = UserLanguages.FromLocale(plan.Language) == UserLanguage.English;
        var text = new StringBuilder();
        text.Append("# ").AppendLine(Inline(plan.Title)).AppendLine();
        foreach (var (area, areaMeasures) in ByArea(plan, measures))
        {
            text.Append("## ").AppendLine(Inline(area.Title)).AppendLine();
            if (area.ReportReferences.Count > 0)
                text.Append(english ? "Report references: " : "Rapportreferanser: ")
                    .AppendLine(Inline(string.Join("; ", area.ReportReferences))).AppendLine();
            if (area.Goal.Length > 0)
                text.Append(english ? "**Goal:** " : "**Målsetning med tiltak:** ").AppendLine(Inline(area.Goal)).AppendLine();
            text.AppendLine(english ? "| Measure | Status | Remark |" : "| Tiltak | Status | Merknad |");
            text.AppendLine("| --- | --- | --- |");
            foreach (var m in areaMeasures)
                text.Append("| ").Append(Cell(m.Title)).Append(" | ").Append(StatusLabels.Label(m.Status, UserLanguages.FromLocale(plan.Language)))
                    .Append(" | ").Append(Cell(m.Remark)).AppendLine(" |");
            text.AppendLine();
        }
        return text.ToString();
    }

    public static string ToCsv(Plan plan, IEnumerable<Measure> measures)
    {
        var text = new StringBuilder();
        text.Append(UserLanguages.FromLocale(plan.Language) == UserLanguage.English ? "Area,Id,Measure,Status,Remark" : "Område,Id,Tiltak,Status,Merknad")
            .Append("\r\n");
        foreach (var (area, areaMeasures) in ByArea(plan, measures))
            foreach (var m in areaMeasures)
                text.AppendJoin(',', Csv(area.Title), Csv(m.Id), Csv(m.Title), Csv(StatusLabels.Label(m.Status, UserLanguages.FromLocale(plan.Language))), Csv(m.Remark))
                    .Append("\r\n");
        return text.ToString();
    }

    private static IEnumerable<(Area Area, IReadOnlyList<Measure> Measures)> ByArea(Plan plan, IEnumerable<Measure> measures)
    {
        var byArea = measures.Where(m => m.PlanId == plan.Id).GroupBy(m => m.AreaId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Order).ToList());
        return plan.Areas.Select(a => (a, (IReadOnlyList<Measure>)byArea.GetValueOrDefault(a.Id, [])));
    }

    private static string Inline(string text) => text.Replace("\r", "").Replace("\n", " ");

    // Paragraph breaks survive as <br>; a pipe would end the cell.
    private static string Cell(string text) => text.Replace("\r", "").Replace("|", "\\|").Replace("\n", "<br>");

    private static string Csv(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
