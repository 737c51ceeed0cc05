using System.Globalization;
using System.Text;

namespace TeamsBot.Storage;

/// <summary>
/// Table keys may not hold '/', '\', '#', '?' or control characters, and Teams ids can be anything a client sends.
/// Percent-encoding just those (and '%') keeps ordinary ids readable and the mapping reversible.
/// </summary>
public static class TableKeys
{
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c))
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    public static string Decode(string key) => Uri.UnescapeDataString(key);
}
