using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace TeamsBot.Tables.Internal;

/// <summary>One operation's response inside a $batch response (status line, headers, body).</summary>
internal sealed class TransactionPartResponse(int status, string reasonPhrase, List<HttpHeader> headers, byte[] body) : Response
{
    public override int Status => status;

    public override string ReasonPhrase => reasonPhrase;

    public override Stream? ContentStream { get; set; } = new MemoryStream(body, writable: false);

    public override string ClientRequestId { get; set; } = "";

    public override void Dispose()
    {
    }

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        foreach (var header in headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = header.Value;
                return true;
            }
        }
        value = null;
        return false;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        values = found.Count > 0 ? found : null;
        return values is not null;
    }

    protected override bool ContainsHeader(string name) => TryGetHeader(name, out _);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers;
}
