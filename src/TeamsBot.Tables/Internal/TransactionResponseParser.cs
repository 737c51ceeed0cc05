using System.Globalization;
using System.Text;
using Azure.Core;

namespace TeamsBot.Tables.Internal;

/// <summary>
/// Splits a $batch response (multipart/mixed, usually one changesetresponse inside) into one response per part.
/// The outer status is 202 even when the changeset failed; the failure is the inner part's status line.
/// </summary>
internal static class TransactionResponseParser
{
    public static List<TransactionPartResponse> Parse(string outerContentType, ReadOnlyMemory<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Span);
        var parts = new List<TransactionPartResponse>();
        foreach (var part in SplitMultipart(text, Boundary(outerContentType)))
        {
            var (headers, content) = SplitHeaders(part);
            var contentType = Header(headers, "Content-Type") ?? "";
            if (contentType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var inner in SplitMultipart(content, Boundary(contentType)))
                    parts.Add(ParseHttpPart(inner));
            }
            else
            {
                parts.Add(ParseHttpPart(part));
            }
        }
        return parts;
    }

    private static TransactionPartResponse ParseHttpPart(string part)
    {
        var (_, http) = SplitHeaders(part);
        var (statusAndHeaders, body) = SplitHeaders(http, keepFirstLine: true);
        var statusLine = statusAndHeaders[0].Name;
        var pieces = statusLine.Split(' ', 3);
        if (pieces.Length < 2 || !pieces[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new FormatException("The $batch response holds a part without an HTTP status line.");
        }
        var headers = statusAndHeaders.Skip(1).Select(h => new HttpHeader(h.Name, h.Value)).ToList();
        return new TransactionPartResponse(status, pieces.Length > 2 ? pieces[2] : "", headers, Encoding.UTF8.GetBytes(body.TrimEnd('\r', '\n')));
    }

    private static string Boundary(string contentType)
    {
        foreach (var parameter in contentType.Split(';'))
        {
            var p = parameter.Trim();
            if (p.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase)) return p["boundary=".Length..].Trim('"');
        }
        throw new FormatException("The $batch response has no multipart boundary.");
    }

    private static IEnumerable<string> SplitMultipart(string text, string boundary)
    {
        var delimiter = "--" + boundary;
        var segments = text.Split(delimiter);
        // segments[0] is the preamble; a segment starting with "--" is the closing delimiter.
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.StartsWith("--", StringComparison.Ordinal)) yield break;
            yield return segment.TrimStart('\r', '\n');
        }
    }

    /// <summary>Header lines up to the first empty line, then the rest.</summary>
    private static (List<(string Name, string Value)> Headers, string Remainder) SplitHeaders(string text, bool keepFirstLine = false)
    {
        var headers = new List<(string, string)>();
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            if (end < 0) end = text.Length;
            var line = text[position..end].TrimEnd('\r');
            position = Math.Min(end + 1, text.Length);
            if (line.Length == 0) break;
            if (keepFirstLine && headers.Count == 0)
            {
                headers.Add((line, ""));
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon > 0) headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return (headers, text[position..]);
    }

    private static string? Header(List<(string Name, string Value)> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
