using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace TeamsBot.BotFramework.Hosting;

/// <summary>
/// Checks the raw body before anything reads it: valid UTF-8, well-formed JSON no deeper than <see cref="MaxDepth"/>, and
/// every string (names and values, also those kept as raw JSON for the bot) decodable to valid UTF-16. An escaped lone
/// surrogate ("\ud800") passes a JSON parser, but fails later wherever the text is read or written again (a table key,
/// a reply), so it is refused here, once, for the whole activity.
/// </summary>
internal static class JsonTextCheck
{
    public const int MaxDepth = 64;

    /// <summary>Null when the body is fine, else the reason (with a byte offset, never the text).</summary>
    public static string? Check(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json)) return "The body is not valid UTF-8";

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
                    reader.CopyString(scratch);
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
