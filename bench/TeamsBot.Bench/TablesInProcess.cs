using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using TeamsBot.Testing;

namespace TeamsBot.Bench;

/// <summary>
/// The client's own CPU cost, without a server: Azure.Data.Tables and the raw HttpClient both talk to an in-process
/// handler that returns the same canned responses Azurite gives, so the difference is pure client work
/// (pipeline, signing, serialization, parsing). Reported in microseconds per operation.
/// </summary>
internal static class TablesInProcess
{
    private const string Table = "bench";
    private const int Rounds = 10;

    /// <param name="scale">Operations per timed block for the single-entity scenarios (a tenth of that for page and batch).</param>
    public static async Task RunAsync(int scale, CancellationToken ct)
    {
        var endpoint = new Uri("http://127.0.0.1:9/" + AzuriteFixture.AccountName);
        var (entityJson, pageJson, batchResponse) = CannedBodies();

        Console.WriteLine();
        Console.WriteLine($"In-process (canned responses, no server): process CPU time per operation, {Rounds} alternating blocks of {scale} (page, batch: {scale / 10}) after warm-up:");
        Console.WriteLine();
        Console.WriteLine("| Scenario | Client CPU/op | Raw HttpClient CPU/op | Client overhead |");
        Console.WriteLine("|---|---:|---:|---:|");

        var entityBody = Encoding.UTF8.GetBytes(entityJson);
        var pageBody = Encoding.UTF8.GetBytes(pageJson);
        var batchBody = Encoding.UTF8.GetBytes(batchResponse.Body);
        var insertJson = Encoding.UTF8.GetBytes("""{"PartitionKey":"p","RowKey":"r","Title":"Samhandling og informasjonsdeling","Status":"pågående","Order":7}""");

        await RowAsync("point read", scale, () => Ok(entityBody, "application/json;odata=minimalmetadata"), endpoint,
            (client, _) => client.GetEntityAsync<TableEntity>("read", "one", cancellationToken: ct),
            raw => raw.GetEntityAsync(Table, "read", "one", ct));
        await RowAsync("insert", scale, NoContent, endpoint,
            (client, i) => client.AddEntityAsync(Entity("p", i.ToString("D6", CultureInfo.InvariantCulture)), ct),
            raw => raw.InsertAsync(Table, insertJson, ct));
        await RowAsync("query 1,000 (1 page)", Math.Max(scale / 10, 5), () => Ok(pageBody, "application/json;odata=minimalmetadata"), endpoint,
            async (client, _) =>
            {
                var count = 0;
                await foreach (var row in client.QueryAsync<TableEntity>("PartitionKey eq 'page'", maxPerPage: 1000, cancellationToken: ct)) count++;
                if (count != 1000) throw new InvalidOperationException($"Query returned {count} entities.");
            },
            raw => raw.QueryAsync(Table, "PartitionKey%20eq%20'page'", 1000, ct));
        await RowAsync("batch 100 inserts", Math.Max(scale / 10, 5), () => Accepted(batchBody, batchResponse.ContentType), endpoint,
            (client, i) => client.SubmitTransactionAsync(Enumerable.Range(0, 100)
                .Select(r => new TableTransactionAction(TableTransactionActionType.Add, Entity($"b{i}", $"{r:D3}"))), ct),
            raw =>
            {
                var (body, contentType) = raw.BuildInsertBatch(Table, Enumerable.Range(0, 100).Select(_ => Encoding.UTF8.GetString(insertJson)));
                return raw.BatchAsync(body, contentType, ct);
            });
    }

    private static TableEntity Entity(string pk, string rk) => new(pk, rk)
    {
        ["Title"] = "Samhandling og informasjonsdeling",
        ["Status"] = "pågående",
        ["Order"] = 7,
    };

    private static async Task RowAsync(string name, int opsPerBlock, Func<HttpResponseMessage> answer, Uri endpoint,
        Func<TableClient, int, Task> client, Func<TablesRawClient, Task> raw)
    {
        var options = new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(new CannedHandler(answer))) };
        var tableClient = new TableClient(endpoint, Table, new TableSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey), options);
        using var rawClient = new TablesRawClient(new HttpClient(new CannedHandler(answer)), endpoint, AzuriteFixture.AccountName, AzuriteFixture.AccountKey);

        var op = 0;
        for (var i = 0; i < opsPerBlock * 2; i++)
        {
            await client(tableClient, op++);
            await raw(rawClient);
        }

        // Process CPU time, not wall time: the figure should not depend on what else the machine is running.
        // Blocks alternate so that slow phases (GC, tiering) hit both sides alike.
        TimeSpan clientCpu = default, rawCpu = default;
        for (var round = 0; round < Rounds; round++)
        {
            var start = ProcessCpu();
            for (var i = 0; i < opsPerBlock; i++) await client(tableClient, op++);
            var middle = ProcessCpu();
            for (var i = 0; i < opsPerBlock; i++) await raw(rawClient);
            var end = ProcessCpu();
            clientCpu += middle - start;
            rawCpu += end - middle;
        }

        var ops = (double)opsPerBlock * Rounds;
        var c = clientCpu.TotalMicroseconds / ops;
        var r = rawCpu.TotalMicroseconds / ops;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {c:0.0} µs | {r:0.0} µs | {c - r:+0.0;-0.0} µs |"));
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static HttpResponseMessage Ok(byte[] body, string contentType) => new(HttpStatusCode.OK)
    {
        Content = new ByteArrayContent(body) { Headers = { { "Content-Type", contentType } } },
    };

    private static HttpResponseMessage NoContent()
    {
        var response = new HttpResponseMessage(HttpStatusCode.NoContent);
        response.Headers.TryAddWithoutValidation("ETag", "W/\"datetime'2026-11-22T17%3A33%3A38.7921650Z'\"");
        return response;
    }

    private static HttpResponseMessage Accepted(byte[] body, string contentType) => new(HttpStatusCode.Accepted)
    {
        Content = new ByteArrayContent(body) { Headers = { { "Content-Type", contentType } } },
    };

    private static (string Entity, string Page, (string Body, string ContentType) Batch) CannedBodies()
    {
        const string etag = "W/\\\"datetime'2026-11-22T17%3A33%3A38.7921650Z'\\\"";
        string Row(string pk, int i) =>
            $$"""{"odata.etag":"{{etag}}","PartitionKey":"{{pk}}","RowKey":"{{i:D4}}","Title":"Samhandling og informasjonsdeling – mellom PST og politiet","Status":"pågående","Order":{{i}},"Big@odata.type":"Edm.Int64","Big":"1099511627776","Deadline@odata.type":"Edm.DateTime","Deadline":"2025-09-01T00:00:00.0000000Z","Timestamp":"2026-11-22T17:33:38.7921650Z"}""";
        var entity = Row("read", 1).Insert(1, "\"odata.metadata\":\"x\",");
        var page = "{\"odata.metadata\":\"x\",\"value\":[" + string.Join(",", Enumerable.Range(0, 1000).Select(i => Row("page", i))) + "]}";

        var batch = new StringBuilder("--batchresponse_b\r\nContent-Type: multipart/mixed; boundary=changesetresponse_c\r\n\r\n");
        for (var i = 1; i <= 100; i++)
        {
            batch.Append("--changesetresponse_c\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 204 No Content\r\nContent-ID: {i}\r\nPreference-Applied: return-no-content\r\n")
                .Append("ETag: W/\"datetime'2026-11-22T17%3A33%3A38.7921650Z'\"\r\n\r\n\r\n");
        }
        batch.Append("--changesetresponse_c--\r\n--batchresponse_b--\r\n");
        return (entity, page, (batch.ToString(), "multipart/mixed; boundary=batchresponse_b"));
    }

    private sealed class CannedHandler(Func<HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Read the request body like a server would, so both sides pay for sending it.
            if (request.Content is not null) await request.Content.CopyToAsync(Stream.Null, cancellationToken);
            return answer();
        }
    }
}
