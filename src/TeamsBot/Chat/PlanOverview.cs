using System.Text;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Chat;

/// <summary>"planer" / "plans": each plan with its number of measures per status, in the user's language.</summary>
public static class PlanOverview
{
    public static string Render(MeasureSnapshot snapshot, UserLanguage language)
    {
        var texts = BotTexts.For(language);
        if (snapshot.Plans.IsEmpty) return texts.NoPlans;

        var byPlan = snapshot.All.GroupBy(m => m.PlanId).ToDictionary(g => g.Key, g => g.ToList());
        var text = new StringBuilder(texts.PlansHeading).Append("\n\n");
        foreach (var plan in snapshot.Plans.Values.OrderBy(p => p.StartDate).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            var measures = byPlan.GetValueOrDefault(plan.Id, []);
            var counts = measures.GroupBy(m => m.Status).OrderBy(g => g.Key)
                .Select(g => $"{g.Count()} {StatusLabels.Label(g.Key, language)}");
            text.Append("- **").Append(plan.Title).Append("**: ")
                .Append(measures.Count).Append(' ').Append(texts.MeasuresWord);
            if (measures.Count > 0) text.Append(" (").AppendJoin(", ", counts).Append(')');
            text.Append('\n');
        }
        return text.ToString().TrimEnd();
    }
}
