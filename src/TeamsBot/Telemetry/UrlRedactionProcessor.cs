using System.Diagnostics;
using OpenTelemetry;

namespace TeamsBot.Telemetry;

/// <summary>
/// Runs on every span before any exporter sees it: URL attributes keep only what <see cref="RedactedUrl"/> allows,
/// query and fragment attributes and recorded headers are removed, and an error status keeps no description (an
/// exception's message may quote what a user typed). The instrumentations already redact query values; this makes it
/// hold for every source, whatever a library version or a later option does.
/// </summary>
public sealed class UrlRedactionProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        List<(string Key, string? Value)>? changes = null;
        foreach (var (key, value) in data.TagObjects)
            if (Redact(key, value, out var redacted)) (changes ??= []).Add((key, redacted));
        if (changes is not null)
            foreach (var (key, value) in changes) data.SetTag(key, value);

        if (data.Status == ActivityStatusCode.Error && data.StatusDescription is not null) data.SetStatus(ActivityStatusCode.Error);
    }

    /// <summary>True when the attribute must change; <paramref name="redacted"/> is its new value (null removes it).</summary>
    private static bool Redact(string key, object? value, out string? redacted)
    {
        redacted = null;
        switch (key)
        {
            case "url.full" or "http.url":
                redacted = value is string url ? RedactedUrl.Of(url) : null;
                return true;
            case "url.path" or "http.target":
                redacted = value is string path ? RedactedUrl.Path(path) : null;
                return true;
            case "url.query" or "url.fragment":
                return true;
            default:
                return key.StartsWith("http.request.header.", StringComparison.Ordinal)
                    || key.StartsWith("http.response.header.", StringComparison.Ordinal);
        }
    }
}
