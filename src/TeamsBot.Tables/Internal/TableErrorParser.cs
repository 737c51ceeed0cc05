using System.Text.Json;
using Azure;
using Azure.Core;

namespace TeamsBot.Tables.Internal;

/// <summary>Reads {"odata.error":{"code":…,"message":{"value":…}}} (or x-ms-error-code) into RequestFailedException details.</summary>
internal sealed class TableErrorParser : RequestFailedDetailsParser
{
    public static readonly TableErrorParser Instance = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        var (code, message) = Read(response);
        error = code is null && message is null ? null : new ResponseError(code, message);
        return error is not null;
    }

    public static (string? Code, string? Message) Read(Response response)
    {
        string? code = null, message = null;
        try
        {
            if (response.Content is { } content && !content.ToMemory().IsEmpty)
            {
                using var json = JsonDocument.Parse(content.ToMemory());
                if (json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("odata.error", out var odataError))
                {
                    if (odataError.TryGetProperty("code", out var c)) code = c.GetString();
                    if (odataError.TryGetProperty("message", out var m))
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (e.g. a proxy's HTML page): fall back to the header.
        }
        catch (InvalidOperationException)
        {
            // Content stream not buffered.
        }

        if (code is null && response.Headers.TryGetValue("x-ms-error-code", out var headerCode)) code = headerCode;
        return (code, message);
    }
}
