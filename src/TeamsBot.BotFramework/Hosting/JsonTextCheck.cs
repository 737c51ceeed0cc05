using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace TeamsBot.BotFramework.Hosting;

/// <summary>
/// Checks the raw body before anything reads it: valid UTF-8, well-formed JSON no deeper than <see cref="MaxDepth"/>, and
/// every string (names and values, also those kept as raw JSON for the bot) decodable to valid UTF-16 without U+FFFE.
/// An escaped lone surrogate ("\ud800") passes a JSON parser, but fails later wherever the text is read or written
/// again (a table key, a reply); U+FFFE (a byte-order mark read the wrong way round, never text) makes .NET's Unicode
/// normalization throw, which the chat's text analysis does. Both are refused here, once, for the whole activity.
/// </summary>
internal static class JsonTextCheck
{
    public const int MaxDepth = 64;

    private static string ReversedByteOrderMarkAt(long at) => $"A JSON string holds U+FFFE, which is not text (at byte {at})";

    private static ReadOnlySpan<byte> ReversedByteOrderMark => [0xEF, 0xBF, 0xBE];

    /// <summary>Null when the body is fine, else the reason (with a byte offset, never the text).</summary>
    public static string? Check(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json)) return "The body is not valid UTF-8";
        if (json.IndexOf(ReversedByteOrderMark) is >= 0 and var at) return ReversedByteOrderMarkAt(at);

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        char[]? scratch = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
                // Unescaped text is valid UTF-16 already (the body is valid UTF-8); only escapes can encode a lone surrogate.
                var length = checked((int)(reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length));
                if (scratch is null || scratch.Length < length)
                {
                    if (scratch is not null) ArrayPool<char>.Shared.Return(scratch);
                    scratch = ArrayPool<char>.Shared.Rent(length);
                }
                try
                {
                    if (scratch.AsSpan(0, reader.CopyString(scratch)).Contains('\uFFFE')) return ReversedByteOrderMarkAt(reader.TokenStartIndex);
                }
                catch (InvalidOperationException)
                {
                    return $"A JSON string holds an unpaired UTF-16 surrogate (at byte {reader.TokenStartIndex})";
                }
            }
            return null;
        }
        catch (JsonException) when (reader.CurrentDepth >= MaxDepth - 1)
        {
            return $"JSON nested deeper than {MaxDepth} levels";
        }
        catch (JsonException)
        {
            return $"Malformed JSON (at byte {reader.BytesConsumed})";
        }
        finally
        {
            if (scratch is not null) ArrayPool<char>.Shared.Return(scratch);
        }
    }
}
