using System.Text;
using System.Text.Json;
using TeamsBot.Measures;
using TeamsBot.Measures.Import;

namespace TeamsBot.Bench;

/// <summary>
/// Generated plans and measures of realistic size (titles ~80 characters, remarks ~400 characters of Norwegian-ish
/// text, 1–3 owners, deadlines, an import snapshot and one import history row each), deterministic per seed.
/// </summary>
internal sealed class IndexData(int seed)
{
    private static readonly string[] Words =
    [
        "politiet", "skal", "videreutvikle", "samhandling", "med", "kommunene", "om", "forebygging", "av", "vold", "i", "nære",
        "relasjoner", "tiltaket", "er", "forsinket", "grunnet", "manglende", "ressurser", "og", "avklaring", "ansvar", "mellom",
        "distriktene", "arbeidet", "videreføres", "neste", "år", "rapport", "foreligger", "innen", "utgangen", "første", "kvartal",
        "beredskap", "opplæring", "etterforskning", "kvalitet", "digital", "kompetanse", "tilgjengelighet", "publikum", "øke",
        "styrke", "felles", "rutiner", "for", "deling", "informasjon", "på", "tvers", "av", "etatene", "gjennomgang", "viser",
        "behov", "ytterligere", "tiltak", "knyttet", "til", "oppfølging", "utredning", "pågår", "ferdigstilles", "høsten",
    ];

    private static readonly string[] Units =
    [
        "POD", "Oslo politidistrikt", "Vest politidistrikt", "Kripos", "Politihøgskolen", "Øst politidistrikt",
        "Trøndelag politidistrikt", "Nordland politidistrikt", "Agder politidistrikt", "Politiets IKT-tjenester",
    ];

    private readonly Random _random = new(seed);

    public List<Plan> Plans(int count) => Enumerable.Range(1, count).Select(p => new Plan(
        $"plan-{p:D2}", Text(70, 90), "nb", "Politidirektoratet", $"plans/plan-{p:D2}.json", new DateOnly(2024, 1 + p % 12, 1),
        Enumerable.Range(1, 5).Select(a => new Area($"{a}", Text(30, 50), Text(120, 200), [$"NOU 2024:{p} kap. {a}"])).ToList())).ToList();

    public (Measure Measure, HistoryEntry History) Measure(Plan plan, int order, DateTimeOffset at)
    {
        var area = plan.Areas[order % plan.Areas.Count].Id;
        var deadline = _random.Next(4) == 0 ? (DateOnly?)null : new DateOnly(2025, 1, 1).AddDays(_random.Next(900));
        var imported = new ImportedMeasure(
            $"{area}.{order}", area, order, Text(70, 90), (MeasureStatus)_random.Next(4), Text(350, 450),
            Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Units[_random.Next(Units.Length)]).Distinct().ToList(),
            deadline, deadline is null ? "løpende" : $"innen {deadline:MMMM yyyy}", _random.Next(3) == 0 ? [$"T{order}"] : []);
        var measure = new Measure
        {
            PlanId = plan.Id, Id = imported.Id, AreaId = area, Order = order, Title = imported.Title, Status = imported.Status,
            Remark = imported.Remark, Owners = imported.Owners, Deadline = deadline, DeadlineText = imported.DeadlineText,
            Aliases = imported.Aliases, UpdatedAt = at, UpdatedBy = "import", ImportSnapshot = JsonSerializer.Serialize(imported),
        };
        var history = new HistoryEntry(plan.Id, measure.Id, at, "import", plan.Source,
            [new FieldChange("Title", null, measure.Title), new FieldChange("Status", null, measure.Status.ToString())], "Importert fra planfil");
        return (measure, history);
    }

    private string Text(int min, int max)
    {
        var length = _random.Next(min, max + 1);
        var text = new StringBuilder();
        while (text.Length < length) text.Append(text.Length == 0 ? "" : " ").Append(Words[_random.Next(Words.Length)]);
        text[0] = char.ToUpperInvariant(text[0]);
        return text.Append('.').ToString();
    }
}
