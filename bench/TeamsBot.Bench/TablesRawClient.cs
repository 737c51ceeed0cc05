using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace TeamsBot.Bench;

/// <summary>
/// The baseline for the tables benchmark: the same REST requests sent with a bare HttpClient, signed with the same
/// Shared Key Lite scheme, bodies built before timing, responses read as bytes and not parsed.
/// </summary>
internal sealed class TablesRawClient(HttpClient http, Uri endpoint, string account, string accountKey) : IDisposable
{
    private readonly byte[] _key = Convert.FromBase64String(accountKey);
    private readonly string _base = endpoint.AbsoluteUri.TrimEnd('/');

    public Task<byte[]> GetEntityAsync(string table, string pk, string rk, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"{table}(PartitionKey='{pk}',RowKey='{rk}')", null, null, ct);

    public Task<byte[]> InsertAsync(string table, byte[] json, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, table, json, "application/json", ct, preferNoContent: true);

    public Task<byte[]> QueryAsync(string table, string escapedFilter, int top, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"{table}()?$filter={escapedFilter}&$top={top}", null, null, ct);

    public Task<byte[]> BatchAsync(byte[] body, string contentType, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "$batch", body, contentType, ct);

    private async Task<byte[]> SendAsync(HttpMethod method, string resource, byte[]? body, string? contentType, CancellationToken ct, bool preferNoContent = false)
    {
        using var request = new HttpRequestMessage(method, _base + "/" + resource);
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        var path = request.RequestUri!.AbsolutePath;
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{date}\n/{account}{path}")));
        request.Headers.TryAddWithoutValidation("x-ms-date", date);
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKeyLite {account}:{signature}");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2019-02-02");
        request.Headers.TryAddWithoutValidation("DataServiceVersion", "3.0");
        request.Headers.TryAddWithoutValidation("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.TryAddWithoutValidation("Accept", "application/json;odata=minimalmetadata");
        if (preferNoContent) request.Headers.TryAddWithoutValidation("Prefer", "return-no-content");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        if ((int)response.StatusCode >= 400) throw new InvalidOperationException($"Raw {method} failed with {(int)response.StatusCode}.");
        return bytes;
    }

    /// <summary>A $batch body of inserts, one changeset, as the service documents it.</summary>
    public (byte[] Body, string ContentType) BuildInsertBatch(string table, IEnumerable<string> entityJson)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"--{batch}\r\nContent-Type: multipart/mixed; boundary={changeset}\r\n\r\n");
        foreach (var json in entityJson)
        {
            text.Append(CultureInfo.InvariantCulture, $"--{changeset}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                .Append(CultureInfo.InvariantCulture, $"POST {_base}/{table} HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n")
                .Append("Prefer: return-no-content\r\nContent-Type: application/json\r\n\r\n")
                .Append(json).Append("\r\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"--{changeset}--\r\n--{batch}--\r\n");
        return (Encoding.UTF8.GetBytes(text.ToString()), $"multipart/mixed; boundary={batch}");
    }

    public void Dispose() => http.Dispose();
}
