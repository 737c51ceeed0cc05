using System.Globalization;
using System.Text;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Files;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Export;

namespace TeamsBot.Rounds;

/// <summary>
/// A closed round's export: the plan in its source document's table format (area → tiltak / status / merknad, as
/// Markdown), sent as a message, or in a personal chat offered as the file «plan-id-status-date.md».
/// </summary>
public sealed record RoundExport(Round Round, Plan Plan, string Markdown)
{
    /// <summary>The kind of file in the consent card's context (<see cref="RoundExportFiles"/> answers it).</summary>
    public const string FileKind = "round-export";
    public const string PlanIdKey = "planId";
    public const string RoundIdKey = "roundId";

    public static RoundExport For(Round round, Plan plan, IEnumerable<Measure> planMeasures) =>
        new(round, plan, PlanExporter.ToMarkdown(plan, planMeasures));

    /// <summary>The export as the plan stands now; null when the plan is gone.</summary>
    public static RoundExport? Of(Round round, MeasureSnapshot snapshot) =>
        snapshot.Plans.TryGetValue(round.PlanId, out var plan)
            ? For(round, plan, snapshot.Measures.Values.Where(m => m.PlanId == round.PlanId))
            : null;

    /// <summary>Named by the day the round closed, in Oslo.</summary>
    public string FileName =>
        $"{Round.PlanId}-status-{OsloClock.DateOf(Round.ClosedAt ?? Round.StartedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.md";

    public byte[] Bytes() => Encoding.UTF8.GetBytes(Markdown);

    /// <summary>What closing sends after the summary: the file offered in a personal chat, the table anywhere else.</summary>
    public Activity Message(bool personalChat, UserLanguage language) => personalChat ? FileOffer(language) : Table(lead: null);

    /// <summary>The file-consent card; its context names the round, never the content (that is built again on accept).</summary>
    public Activity FileOffer(UserLanguage language)
    {
        var t = RoundTexts.For(language);
        var context = new Dictionary<string, string>(StringComparer.Ordinal) { [PlanIdKey] = Round.PlanId, [RoundIdKey] = Round.Id };
        return new Activity(ActivityTypes.Message)
        {
            Text = t.FileOffer,
            Attachments = [FileConsentOffer.Attachment(FileKind, FileName, Encoding.UTF8.GetByteCount(Markdown), t.FileDescription(Plan.Title), context)],
        };
    }

    /// <summary>The table as a Markdown message, after <paramref name="lead"/> when given.</summary>
    public Activity Table(string? lead) => new(ActivityTypes.Message)
    {
        Text = lead is null ? Markdown : $"{lead}\n\n{Markdown}",
        TextFormat = TextFormatTypes.Markdown,
    };
}
