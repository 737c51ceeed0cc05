using System.Text;
using TeamsBot.Cli;
using TeamsBot.Measures.Import;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Measures;

[Collection(AzuriteCollection.Name)]
public sealed class PlanExportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] ReportedStatuses = ["pågående", "under planlegging", "iverksatt"];

    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync(azurite, start: false);
        var report = await _app.Get<PlanImporter>().ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);
        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AdminCommands.RunAsync(args, _app.Services, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The seeds sit in "shared/seeds" beside the clone, or beside the folder of worktrees that holds it.</summary>
    // The seed is PDF text: lines wrap and words break anywhere. Letters and digits alone are what must match.
    private static string Letters(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    [Fact]
    public async Task Markdown_export_of_the_25_June_plan_reproduces_the_seed_table()
    {
        var (code, markdown, _) = await Run("export", "25-juni");
        Assert.Equal(0, code);

        var seed = Letters(File.ReadAllText(Path.Combine(RepoPaths.SharedSeeds, "001_c2cc288df1485685.txt")));
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Tiltak", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal)).ToList();
        Assert.Equal(30, rows.Count);
        Assert.Equal(6, markdown.Split('\n').Count(l => l.StartsWith("## ", StringComparison.Ordinal)));
        foreach (var row in rows)
        {
            var cells = row.Trim('|', ' ', '\r').Split(" | ");
            Assert.Equal(3, cells.Length);
            Assert.Contains(Letters(cells[0]), seed);
            Assert.Contains(cells[1], ReportedStatuses);
            foreach (var paragraph in cells[2].Split("<br>", StringSplitOptions.RemoveEmptyEntries))
                Assert.Contains(Letters(paragraph.Replace("\\|", "|")), seed);
        }
        foreach (var heading in markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)))
            Assert.Contains(Letters(heading[3..]), seed);
        Assert.Equal(21, rows.Count(r => r.Contains("| pågående |")));
    }

    [Fact]
    public async Task Csv_export_quotes_every_field_and_has_one_row_per_measure()
    {
        var (code, csv, _) = await Run("export", "25-juni", "--format", "csv");

        Assert.Equal(0, code);
        Assert.StartsWith("Område,Id,Tiltak,Status,Merknad\r\n", csv);
        var records = ParseCsv(csv);
        Assert.Equal(31, records.Count);
        Assert.All(records.Skip(1), r => Assert.Equal(5, r.Count));
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"25-juni-{i:D2}"), records.Skip(1).Select(r => r[1]));
    }

    [Fact]
    public async Task Export_of_an_unknown_plan_names_the_known_ones()
    {
        var (code, _, error) = await Run("export", "nope");
        Assert.Equal(1, code);
        Assert.Contains("No plan 'nope'", error);
        Assert.Contains("25-juni", error);
    }

    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; }
            else field.Append(c);
        }
        return records;
    }
}
