using System.Text;
using System.Text.Json;

namespace TeamsBot.Tables.Internal;

/// <summary>
/// Reuses property-name strings across the entities of one response (a 1,000-entity page repeats the same
/// few names), so reading a page does not allocate a string per name per entity.
/// </summary>
internal sealed class PropertyNameCache
{
    private const int MaxNames = 64;
    private readonly List<(byte[] Utf8, string Name)> _names = [];

    public string GetName(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence) return reader.GetString()!;
        var span = reader.ValueSpan;
        foreach (var (utf8, name) in _names)
        {
            if (span.SequenceEqual(utf8)) return name;
        }
        var added = Encoding.UTF8.GetString(span);
        if (_names.Count < MaxNames) _names.Add((span.ToArray(), added));
        return added;
    }
}
