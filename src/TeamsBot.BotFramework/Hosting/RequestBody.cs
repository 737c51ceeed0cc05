using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace TeamsBot.BotFramework.Hosting;

/// <summary>Reads a request body up to a limit, counting while reading (Content-Length may be absent or wrong).</summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<ArrayBufferWriter<byte>?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var expected = request.ContentLength is > 0 and var length ? (int)Math.Min(length, limit) : 0;
        var buffer = new ArrayBufferWriter<byte>(expected > 0 ? expected + 1 : 4096);
        while (true)
        {
            // Ask for what is left of a declared length (+1 to see the end), not 8 KB more: a 1 KB activity stays 1 KB.
            var memory = buffer.GetMemory(expected > buffer.WrittenCount ? expected - buffer.WrittenCount + 1 : 4096);
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
