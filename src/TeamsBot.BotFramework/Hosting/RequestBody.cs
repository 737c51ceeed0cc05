using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace TeamsBot.BotFramework.Hosting;

/// <summary>Reads a request body up to a limit, counting while reading (Content-Length may be absent or wrong).</summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<ArrayBufferWriter<byte>?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and var length && length <= limit ? (int)length : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            int read;
            try
            {
                read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return null; // the server's own limit was reached first
            }
            if (read == 0) return buffer;
            buffer.Advance(read);
            if (buffer.WrittenCount > limit) return null;
        }
    }
}
