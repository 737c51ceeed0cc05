using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsBot.Tables.Internal;

/// <summary>
/// Signs each attempt with Shared Key Lite for the Table service:
/// StringToSign = x-ms-date + "\n" + "/" + account + encoded URI path (+ "?comp=…" when present).
/// With path-style URLs (Azurite) the path itself starts with the account, so it appears twice.
/// </summary>
internal sealed class SharedKeyLitePolicy(TableSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);

        var uri = message.Request.Uri;
        var resource = "/" + credential.AccountName + (uri.Path.Length == 0 ? "/" : uri.Path) + CompParameter(uri.Query);
        var signature = credential.ComputeSignature(date + "\n" + resource);
        message.Request.Headers.SetValue("Authorization", $"SharedKeyLite {credential.AccountName}:{signature}");
    }

    private static string CompParameter(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            if (pair.StartsWith("comp=", StringComparison.Ordinal)) return "?" + pair;
        }
        return "";
    }
}
