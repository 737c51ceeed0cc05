using System.Globalization;
using System.Text;

namespace TeamsBot.Storage;

/// <summary>
/// Table keys may not hold '/', '\', '#', '?' or control characters, and Teams ids can be anything a client sends.
/// Percent-encoding just those (and '%') keeps ordinary ids readable and the mapping reversible. A key is at most
/// 1 KiB of UTF-16 (<see cref="MaxKeyLength"/> characters) and must be valid UTF-16: ids that cannot be keys are refused
/// here, before any request to storage, with an <see cref="ArgumentException"/> (<see cref="IsValid"/> asks first).
/// </summary>
public static class TableKeys
{
    public const int MaxKeyLength = 512;

    public static string Encode(string value) =>
        TryEncode(value, out var key, out var problem) ? key : throw new ArgumentException($"Not usable as a table key: {problem}.", nameof(value));

    /// <summary>True when <paramref name="value"/> can be stored as (part of) a key.</summary>
    public static bool IsValid(string? value) => value is not null && TryEncode(value, out _, out _);

    public static string Decode(string key) => Uri.UnescapeDataString(key);

    private static bool TryEncode(string value, out string key, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                    return Fail("it holds an unpaired UTF-16 surrogate", out key, out problem);
                builder.Append(c).Append(value[++i]);
            }
            else if (c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c))
                foreach (var b in Encoding.UTF8.GetBytes([c])) builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture)); // as Decode reads it back
            else
                builder.Append(c);
            if (builder.Length > MaxKeyLength) return Fail($"it is longer than {MaxKeyLength} characters once encoded", out key, out problem);
        }
        key = builder.ToString();
        problem = null;
        return true;
    }

    private static bool Fail(string reason, out string key, out string? problem)
    {
        key = "";
        problem = reason;
        return false;
    }
}
