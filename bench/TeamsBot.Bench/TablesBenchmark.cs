using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using TeamsBot.Testing;

namespace TeamsBot.Bench;

/// <summary>
/// The official Azure.Data.Tables client against a bare HttpClient sending the same signed requests, on a private Azurite:
/// point read, insert, a 1,000-entity page, a 100-insert transaction. Client and raw runs alternate per iteration.
/// Then the same four without a server (<see cref="TablesInProcess"/>), to show the client's own CPU cost.
/// Options: --iterations N (default 200), --warmup N (default 50), --block N (in-process block size, default 500).
/// </summary>
public sealed class TablesBenchmark : IBenchmark
{
    public string Name => "tables";

    public string Description => "Azure.Data.Tables vs raw signed HttpClient on Azurite (read, insert, 1,000-row page, 100-op batch)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var iterations = Option(args, "--iterations", 200);
        var warmup = Option(args, "--warmup", 50);

        await using var azurite = new AzuriteFixture();
        await azurite.StartAsync(cancellationToken);
        var service = new TableServiceClient(azurite.ConnectionString);
        var tableName = AzuriteFixture.NewTableName("bench");
        var table = service.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        using var raw = new TablesRawClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2) }),
            azurite.TableEndpoint, AzuriteFixture.AccountName, AzuriteFixture.AccountKey);

        await SeedAsync(table, cancellationToken);
        var scenarios = Scenarios(table, raw, tableName);

        Console.WriteLine($"tables benchmark (Azure.Data.Tables {typeof(TableClient).Assembly.GetName().Version}): {warmup} warm-up + {iterations} measured iterations per scenario, Azurite {azurite.TableEndpoint}");
        Console.WriteLine();
        Console.WriteLine("| Scenario | Client mean | Client p50 | Client p95 | Raw mean | Raw p50 | Raw p95 | Overhead (mean) | Overhead (p50) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var scenario in scenarios)
        {
            var (client, baseline) = await MeasureAsync(scenario, warmup, iterations, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {client.Mean:0.000} ms | {client.P50:0.000} ms | {client.P95:0.000} ms | " +
                $"{baseline.Mean:0.000} ms | {baseline.P50:0.000} ms | {baseline.P95:0.000} ms | " +
                $"{Overhead(client.Mean, baseline.Mean)} | {Overhead(client.P50, baseline.P50)} |"));
        }

        await table.DeleteAsync(cancellationToken);
        await TablesInProcess.RunAsync(Option(args, "--block", 500), cancellationToken);
        return 0;
    }

    private sealed record Scenario(string Name, Func<int, CancellationToken, Task> Client, Func<int, CancellationToken, Task> Raw);

    private sealed record Stats(double Mean, double P50, double P95);

    private static List<Scenario> Scenarios(TableClient table, TablesRawClient raw, string tableName)
    {
        var entityJson = (string pk, string rk) =>
            $$"""{"PartitionKey":"{{pk}}","RowKey":"{{rk}}","Title":"Samhandling og informasjonsdeling","Status":"pågående","Order":7,"Deadline@odata.type":"Edm.DateTime","Deadline":"2025-09-01T00:00:00.0000000Z"}""";
        TableEntity Entity(string pk, string rk) => new(pk, rk)
        {
            ["Title"] = "Samhandling og informasjonsdeling",
            ["Status"] = "pågående",
            ["Order"] = 7,
            ["Deadline"] = new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var queryFilter = TableClient.CreateQueryFilter($"PartitionKey eq {"page"}");

        return
        [
            new("point read",
                async (_, ct) => await table.GetEntityAsync<TableEntity>("read", "one", cancellationToken: ct),
                async (_, ct) => await raw.GetEntityAsync(tableName, "read", "one", ct)),
            new("insert",
                async (i, ct) => await table.AddEntityAsync(Entity("insert-client", $"{i:D6}"), ct),
                async (i, ct) => await raw.InsertAsync(tableName, Encoding.UTF8.GetBytes(entityJson("insert-raw", $"{i:D6}")), ct)),
            new("query 1,000 (1 page)",
                async (_, ct) =>
                {
                    var count = 0;
                    await foreach (var row in table.QueryAsync<TableEntity>(queryFilter, maxPerPage: 1000, cancellationToken: ct)) count++;
                    if (count != 1000) throw new InvalidOperationException($"Query returned {count} entities.");
                },
                async (_, ct) => await raw.QueryAsync(tableName, Uri.EscapeDataString(queryFilter), 1000, ct)),
            new("batch 100 inserts",
                async (i, ct) => await table.SubmitTransactionAsync(Enumerable.Range(0, 100)
                    .Select(r => new TableTransactionAction(TableTransactionActionType.Add, Entity($"batch-client-{i}", $"{r:D3}"))), ct),
                async (i, ct) =>
                {
                    var (body, contentType) = raw.BuildInsertBatch(tableName, Enumerable.Range(0, 100).Select(r => entityJson($"batch-raw-{i}", $"{r:D3}")));
                    await raw.BatchAsync(body, contentType, ct);
                }),
        ];
    }

    private static async Task SeedAsync(TableClient table, CancellationToken ct)
    {
        await table.AddEntityAsync(new TableEntity("read", "one") { ["Title"] = "Samhandling", ["Order"] = 1, ["When"] = DateTimeOffset.UtcNow }, ct);
        for (var b = 0; b < 10; b++)
        {
            await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(r =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("page", $"{b * 100 + r:D4}")
                {
                    ["Title"] = "Samhandling og informasjonsdeling – mellom PST og politiet",
                    ["Status"] = "pågående",
                    ["Order"] = r,
                    ["Big"] = 1L << 40,
                    ["Deadline"] = new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero),
                })), ct);
        }
    }

    private static async Task<(Stats Client, Stats Raw)> MeasureAsync(Scenario scenario, int warmup, int iterations, CancellationToken ct)
    {
        var client = new double[iterations];
        var raw = new double[iterations];
        for (var i = 0; i < warmup + iterations; i++)
        {
            // Alternate the order so neither side always runs on a just-warmed connection.
            var clientFirst = i % 2 == 0;
            var first = await TimeAsync(clientFirst ? scenario.Client : scenario.Raw, i, ct);
            var second = await TimeAsync(clientFirst ? scenario.Raw : scenario.Client, i, ct);
            if (i < warmup) continue;
            client[i - warmup] = clientFirst ? first : second;
            raw[i - warmup] = clientFirst ? second : first;
        }
        return (Summarize(client), Summarize(raw));
    }

    private static async Task<double> TimeAsync(Func<int, CancellationToken, Task> operation, int iteration, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        await operation(iteration, ct);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static Stats Summarize(double[] samples)
    {
        var sorted = samples.Order().ToArray();
        return new Stats(sorted.Average(), Percentile(sorted, 0.50), Percentile(sorted, 0.95));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Overhead(double client, double raw) => string.Create(CultureInfo.InvariantCulture, $"{(client - raw) / raw * 100:+0.0;-0.0} %");

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }
}
