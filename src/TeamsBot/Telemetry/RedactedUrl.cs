using System.Text;

namespace TeamsBot.Telemetry;

/// <summary>
/// URLs as telemetry may show them: scheme, host, port and the path's fixed words, nothing else. The query and
/// fragment go (a Tables query's $filter and Graph's carry ids, names and mail addresses); so do user info and every
/// path segment that could be data rather than a route word: an id (Teams' hold ':' and '@', GUIDs, numbers), a mail
/// address, or a Tables entity key in parentheses. Those become "*", e.g. /v3/conversations/*/activities/*.
/// </summary>
public static class RedactedUrl
{
    public const string Placeholder = "*";
    private const int MaxWordLength = 32;

    /// <summary>An absolute URL redacted; anything that does not parse as one is treated as a path.</summary>
    public static string Of(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.Host))
            return Path(url);
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        return $"{uri.Scheme}://{uri.Host}{port}{Path(uri.AbsolutePath)}";
    }

    /// <summary>A path (from url.path or http.target) redacted; a query or fragment on it is dropped.</summary>
    public static string Path(string path)
    {
        var end = path.IndexOfAny(['?', '#']);
        if (end >= 0) path = path[..end];
        var redacted = new StringBuilder(path.Length);
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0) redacted.Append('/');
            redacted.Append(Segment(segments[i]));
        }
        return redacted.ToString();
    }

    private static string Segment(string segment)
    {
        if (segment.Length == 0) return segment;
        // Tables addresses an entity as Table(PartitionKey='…',RowKey='…') and a query as Table(): keep the table.
        var open = segment.IndexOf('(');
        if (open > 0)
        {
            var table = segment[..open];
            var keys = segment[open..] == "()" ? "()" : $"({Placeholder})";
            return IsRouteWord(table) ? table + keys : Placeholder;
        }
        return IsRouteWord(segment) ? segment : Placeholder;
    }

    /// <summary>"v3", "conversations", "$batch", "oauth2", "v2.0", "botframework.com": a letter (or '$') first, then letters, digits, '.', '-', '_'.</summary>
    private static bool IsRouteWord(string segment)
    {
        if (segment.Length > MaxWordLength || Guid.TryParse(segment, out _)) return false;
        if (!(char.IsAsciiLetter(segment[0]) || segment[0] == '$')) return false;
        foreach (var c in segment)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '$')) return false;
        return true;
    }
}
