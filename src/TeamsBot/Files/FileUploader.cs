using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace TeamsBot.Files;

public enum FileUploadResult
{
    Uploaded,
    /// <summary>The upload URL is not one we send files to (<see cref="FileUploadOptions.Allows"/>); nothing was sent.</summary>
    Refused,
    /// <summary>The upload answered something other than 2xx, timed out or could not be reached.</summary>
    Failed,
}

/// <summary>
/// Puts a whole file into a OneDrive upload session in one PUT (Content-Range: bytes 0-{n-1}/{n}). The session URL
/// carries its own credentials, so no token is sent; redirects are not followed (they could lead anywhere).
/// </summary>
public sealed class FileUploader(IHttpClientFactory httpClients, IOptions<FileUploadOptions> options, ILogger<FileUploader> logger)
{
    public const string HttpClientName = "FileUpload";

    public async Task<FileUploadResult> UploadAsync(string uploadUrl, byte[] bytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!Uri.TryCreate(uploadUrl, UriKind.Absolute, out var url) || !options.Value.Allows(url))
        {
            // Only the scheme and host: the rest of an upload URL is a credential.
            logger.LogWarning("File upload refused: {Target} is not an allowed upload host", url is null ? "(not a URL)" : $"{url.Scheme}://{url.Host}");
            return FileUploadResult.Refused;
        }
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentLength = bytes.Length;
        content.Headers.ContentRange = new ContentRangeHeaderValue(0, bytes.Length - 1, bytes.Length);
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode) return FileUploadResult.Uploaded;
            logger.LogWarning("File upload of {Bytes} bytes to {Host} answered {Status}", bytes.Length, url.Host, (int)response.StatusCode);
            return FileUploadResult.Failed;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("File upload of {Bytes} bytes to {Host} timed out after {Timeout}", bytes.Length, url.Host, options.Value.Timeout);
            return FileUploadResult.Failed;
        }
        catch (HttpRequestException e)
        {
            // The exception's message may quote the URL: only its kind is logged.
            logger.LogWarning("File upload of {Bytes} bytes to {Host} failed: {Error}", bytes.Length, url.Host, e.HttpRequestError);
            return FileUploadResult.Failed;
        }
    }
}
