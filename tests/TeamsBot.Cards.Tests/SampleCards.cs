using System.Text.Json.Nodes;

namespace TeamsBot.Cards.Tests;

/// <summary>One card of each kind the bot sends, built with the model, with the plan data's vocabulary.</summary>
internal static class SampleCards
{
    // A 16×16 dark blue square (PNG), so the image renders without network.
    private static readonly Uri Badge = new(
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGOQt8ojCTGMahjVMHw1AAB94McBAXRJpQAAAABJRU5ErkJggg==");

    public static IReadOnlyDictionary<string, AdaptiveCard> All() => new Dictionary<string, AdaptiveCard>
    {
        ["measure"] = Measure(),
        ["measure-list"] = MeasureList(),
        ["status-form"] = StatusForm(),
        ["show-and-toggle"] = ShowAndToggle(),
        ["refresh"] = WithRefresh(),
        ["status-chart"] = StatusChart(),
    };

    /// <summary>A stacked bar and a donut, each falling back to the text it shows (what the renderer here draws).</summary>
    public static AdaptiveCard StatusChart() => new()
    {
        Body =
        {
            new AdaptiveStackedHorizontalBarChart
            {
                Title = "Status per plan",
                Data =
                {
                    new("22. juli", [new("Iverksatt", 12, AdaptiveChartColor.Good), new("Pågående", 3, AdaptiveChartColor.CategoricalBlue)]),
                    new("25. juni", [new("Pågående", 21, AdaptiveChartColor.CategoricalBlue), new("Under planlegging", 5, AdaptiveChartColor.Warning)]),
                },
                Fallback = new AdaptiveFallbackElement(new AdaptiveFactSet { Facts = { new("22. juli", "12 iverksatt, 3 pågående"), new("25. juni", "21 pågående, 5 under planlegging") } }),
            },
            new AdaptiveDonutChart
            {
                Title = "Kongsberg",
                Data = { new("Anbefalt", 9, AdaptiveChartColor.Neutral) },
                Fallback = new AdaptiveFallbackElement(new AdaptiveTextBlock("Kongsberg: 9 anbefalt") { Wrap = true }),
            },
        },
    };

    public static AdaptiveCard Measure() => new()
    {
        FallbackText = "Tiltak 1.1: Etablere felles situasjonsforståelse (pågående)",
        Body =
        {
            new AdaptiveTextBlock("Samhandling og informasjonsdeling – mellom PST og politiet")
            {
                IsSubtle = true, Size = AdaptiveTextSize.Small, Wrap = true,
            },
            new AdaptiveTextBlock("1.1 Etablere felles situasjonsforståelse")
            {
                Style = AdaptiveTextBlockStyle.Heading, Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Wrap = true,
            },
            new AdaptiveFactSet
            {
                // Fact values are markdown too: unescaped, "1. september 2023" renders as a numbered list.
                Facts =
                {
                    Fact("Status", "Pågående"),
                    Fact("Ansvarlig", "POD, PST"),
                    Fact("Frist", "1. september 2023"),
                    Fact("Rapport", "Kap. 5, s. 42"),
                },
            },
            new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown("Kripos rapporterer hvert tertial. Frist 1. september 2023 – *se merknad*."))
            {
                Wrap = true, Spacing = AdaptiveSpacing.Medium, Separator = true,
            },
        },
        Actions =
        {
            new AdaptiveExecuteAction
            {
                Title = "Oppdater status",
                Verb = "measure.edit",
                Data = AdaptiveData.From(new { MeasureId = "25juni-1.1", ETag = "W/\"datetime'2026-11-22T10%3A00%3A00Z'\"" }),
            },
            new AdaptiveOpenUrlAction(new Uri("https://www.politiet.no/")) { Title = "Åpne planen" },
        },
    };

    private static AdaptiveFact Fact(string title, string value) =>
        new(AdaptiveText.EscapeMarkdown(title), AdaptiveText.EscapeMarkdown(value));

    public static AdaptiveCard MeasureList()
    {
        var table = new AdaptiveTable
        {
            Columns = { new(5), new(3), new(AdaptiveWidth.Pixels(100)) },
            GridStyle = AdaptiveContainerStyle.Accent,
            Rows = { Row("Tiltak", "Status", "Frist") },
        };
        table.Rows.Add(Row("1.1 Felles situasjonsforståelse", "Pågående", "01.09.2023", AdaptiveTextColor.Accent));
        table.Rows.Add(Row("1.2 Rutiner for informasjonsdeling", "Iverksatt", "15.08.2023", AdaptiveTextColor.Good));
        table.Rows.Add(Row("2.1 Øvelser med PST og politidistriktene", "Under planlegging", "15.12.2023", AdaptiveTextColor.Warning));

        return new AdaptiveCard
        {
            MsTeams = AdaptiveMsTeams.FullWidth,
            Body =
            {
                new AdaptiveColumnSet
                {
                    Columns =
                    {
                        new AdaptiveColumn
                        {
                            Width = AdaptiveWidth.Auto,
                            VerticalContentAlignment = AdaptiveVerticalAlignment.Center,
                            Items = { new AdaptiveImage(Badge) { AltText = "Politiet", Size = AdaptiveImageSize.Small } },
                        },
                        new AdaptiveColumn
                        {
                            Width = AdaptiveWidth.Stretch,
                            Items =
                            {
                                new AdaptiveTextBlock("Oppfølgingsplan etter 25. juni") { Weight = AdaptiveTextWeight.Bolder, Size = AdaptiveTextSize.Medium, Wrap = true },
                                new AdaptiveTextBlock("3 tiltak · 1 iverksatt") { IsSubtle = true, Spacing = AdaptiveSpacing.None },
                            },
                        },
                    },
                },
                table,
            },
            Actions = { new AdaptiveExecuteAction { Title = "Vis alle", Verb = "plan.list", Data = new JsonObject { ["planId"] = "25juni" } } },
        };

        static AdaptiveTableRow Row(string measure, string status, string deadline, AdaptiveTextColor color = AdaptiveTextColor.Default) =>
            new(Cell(measure), Cell(status, color), Cell(deadline));

        static AdaptiveTableCell Cell(string text, AdaptiveTextColor color = AdaptiveTextColor.Default) =>
            new(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(text)) { Wrap = true, Color = color });
    }

    public static AdaptiveCard StatusForm() => new()
    {
        Body =
        {
            new AdaptiveTextBlock("Statusrapport: 1.1 Etablere felles situasjonsforståelse")
            {
                Weight = AdaptiveTextWeight.Bolder, Wrap = true, Style = AdaptiveTextBlockStyle.Heading,
            },
            new AdaptiveChoiceSetInput
            {
                Id = "status",
                Label = "Status",
                IsRequired = true,
                ErrorMessage = "Velg en status.",
                Value = "ongoing",
                Choices = { new("Under planlegging", "planned"), new("Pågående", "ongoing"), new("Iverksatt", "implemented") },
            },
            new AdaptiveChoiceSetInput
            {
                Id = "owners",
                Label = "Ansvarlige enheter",
                Style = AdaptiveChoiceInputStyle.Expanded,
                IsMultiSelect = true,
                Value = "pod,pst",
                Choices = { new("POD", "pod"), new("PST", "pst"), new("Kripos", "kripos"), new("Oslo pd", "oslo") },
            },
            new AdaptiveDateInput
            {
                Id = "deadline",
                Label = "Frist",
                Value = new DateOnly(2023, 9, 1),
                Min = new DateOnly(2023, 1, 1),
                Max = new DateOnly(2030, 12, 31),
            },
            new AdaptiveTextInput
            {
                Id = "remark",
                Label = "Merknad",
                IsMultiline = true,
                MaxLength = 2000,
                Placeholder = "Hva er gjort siden sist?",
                IsRequired = true,
                ErrorMessage = "Skriv en kort merknad.",
            },
            new AdaptiveTextInput
            {
                Id = "reference",
                Label = "Rapportreferanse",
                Placeholder = "Kap. 5, s. 42",
                Regex = @"^Kap\. \d+(, s\. \d+)?$",
                ErrorMessage = "Skriv som «Kap. 5, s. 42».",
            },
            new AdaptiveToggleInput("Varsle koordinator ved POD") { Id = "notify", Value = "true" },
        },
        Actions =
        {
            new AdaptiveExecuteAction
            {
                Title = "Lagre",
                Verb = "measure.update",
                Data = AdaptiveData.From(new { MeasureId = "25juni-1.1", ETag = "W/\"1\"" }),
            },
            new AdaptiveExecuteAction
            {
                Title = "Avbryt",
                Verb = "measure.cancel",
                AssociatedInputs = AdaptiveAssociatedInputs.None,
                Data = new JsonObject { ["measureId"] = "25juni-1.1" },
            },
        },
    };

    public static AdaptiveCard ShowAndToggle() => new()
    {
        Body =
        {
            new AdaptiveTextBlock("Ukentlig nasjonal brief – uke 47") { Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder },
            new AdaptiveTextBlock("2 tiltak har fått ny status denne uken.") { Wrap = true },
            new AdaptiveContainer
            {
                Id = "details",
                IsVisible = false,
                Style = AdaptiveContainerStyle.Emphasis,
                Items =
                {
                    new AdaptiveTextBlock("- 1.2 Rutiner for informasjonsdeling: iverksatt\r- 2.1 Øvelser: pågående") { Wrap = true },
                },
            },
            new AdaptiveActionSet
            {
                Actions = { new AdaptiveToggleVisibilityAction { Title = "Vis detaljer", TargetElements = { "details" } } },
            },
        },
        Actions =
        {
            new AdaptiveShowCardAction
            {
                Title = "Kommenter",
                Card = new AdaptiveCard
                {
                    Schema = null,
                    Body = { new AdaptiveTextInput { Id = "comment", Label = "Kommentar", IsMultiline = true } },
                    Actions = { new AdaptiveExecuteAction { Title = "Send", Verb = "digest.comment", Data = new JsonObject { ["week"] = "2026-W47" } } },
                },
            },
        },
    };

    public static AdaptiveCard WithRefresh() => new()
    {
        MsTeams = AdaptiveMsTeams.FullWidth,
        Refresh = new AdaptiveRefresh(
            new AdaptiveExecuteAction { Title = "Oppdater", Verb = "measure.view", Data = new JsonObject { ["measureId"] = "25juni-1.1" } },
            ["29:1a2b3c-coordinator", "29:4d5e6f-owner"]),
        Body =
        {
            new AdaptiveContainer
            {
                Style = AdaptiveContainerStyle.Good,
                Bleed = true,
                SelectAction = new AdaptiveOpenUrlAction(new Uri("https://www.politiet.no/")),
                Items =
                {
                    new AdaptiveRichTextBlock
                    {
                        Inlines =
                        {
                            new AdaptiveTextRun("Iverksatt: ") { Weight = AdaptiveTextWeight.Bolder, Color = AdaptiveTextColor.Good },
                            new AdaptiveTextRun("1.2 Rutiner for informasjonsdeling"),
                            new AdaptiveTextRun(" (oppdatert av Kari Nordmann)") { Italic = true, IsSubtle = true },
                        },
                    },
                },
            },
            new AdaptiveTextBlock("Kortet oppdateres automatisk for koordinator og ansvarlig.") { IsSubtle = true, Wrap = true, Size = AdaptiveTextSize.Small },
        },
    };

    /// <summary>Deliberately wrong: two inputs with one id and a choice set without choices.</summary>
    public static AdaptiveCard Broken() => new()
    {
        Body =
        {
            new AdaptiveTextInput { Id = "remark", Label = "Merknad" },
            new AdaptiveTextInput { Id = "remark", Label = "Merknad igjen" },
            new AdaptiveChoiceSetInput { Id = "status", Label = "Status" },
        },
        Actions = { new AdaptiveExecuteAction { Title = "Lagre", Verb = "measure.update" } },
    };
}
