using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsBot.Tests.Reliability.Fuzz;

/// <summary>
/// An activity being mutated: a JSON tree, plus what a tree cannot hold (a lone surrogate, nesting deeper than a
/// writer allows) as placeholders that <see cref="Render"/> swaps for raw JSON text, plus edits of the final bytes
/// (truncation, a BOM, invalid UTF-8).
/// </summary>
public sealed class FuzzDocument
{
    private static readonly JsonSerializerOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Dictionary<string, string> _raw = new(StringComparer.Ordinal);
    private readonly List<Func<byte[], byte[]>> _byteEdits = [];

    public FuzzDocument(JsonObject root) => Root = root;

    public JsonObject Root { get; private set; }

    /// <summary>A string to put in the tree (as a value or a property name) that renders as <paramref name="rawJson"/>.</summary>
    public string Raw(string rawJson)
    {
        var placeholder = $"\u0001R{_raw.Count}\u0001";
        _raw[placeholder] = rawJson;
        return placeholder;
    }

    public void EditBytes(Func<byte[], byte[]> edit) => _byteEdits.Add(edit);

    public byte[] Render()
    {
        var text = Root.ToJsonString(Writer);
        foreach (var (placeholder, raw) in _raw)
            text = text.Replace(JsonSerializer.Serialize(placeholder, Writer), raw, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var edit in _byteEdits) bytes = edit(bytes);
        return bytes;
    }

    /// <summary>A copy whose tree can be cut down while shrinking (placeholders and byte edits kept).</summary>
    public FuzzDocument With(JsonObject root)
    {
        var copy = new FuzzDocument(root);
        foreach (var (k, v) in _raw) copy._raw[k] = v;
        copy._byteEdits.AddRange(_byteEdits);
        return copy;
    }

    public FuzzDocument WithoutByteEdits()
    {
        var copy = With(Root.DeepClone().AsObject());
        copy._byteEdits.Clear();
        return copy;
    }

    public bool HasByteEdits => _byteEdits.Count > 0;

    /// <summary>Every value in the tree with where it sits (the root excluded).</summary>
    public IReadOnlyList<(JsonNode Parent, string? Key, int Index, JsonNode? Value)> Slots()
    {
        var slots = new List<(JsonNode, string?, int, JsonNode?)>();
        Walk(Root);
        return slots;

        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj.ToList())
                    {
                        slots.Add((obj, key, -1, value));
                        Walk(value);
                    }
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        slots.Add((array, null, i, array[i]));
                        Walk(array[i]);
                    }
                    break;
            }
        }
    }

    public static void Set((JsonNode Parent, string? Key, int Index, JsonNode? Value) slot, JsonNode? value)
    {
        if (slot.Parent is JsonObject obj) obj[slot.Key!] = value;
        else ((JsonArray)slot.Parent)[slot.Index] = value;
    }

    public static void Remove((JsonNode Parent, string? Key, int Index, JsonNode? Value) slot)
    {
        if (slot.Parent is JsonObject obj) obj.Remove(slot.Key!);
        else ((JsonArray)slot.Parent).RemoveAt(slot.Index);
    }

    public static string PathOf((JsonNode Parent, string? Key, int Index, JsonNode? Value) slot) =>
        slot.Parent.GetPath() + (slot.Key is { } key ? $".{Printable(key)}" : $"[{slot.Index}]");

    private static string Printable(string key) => key.StartsWith('\u0001') ? "<raw>" : key.Length > 40 ? key[..40] + "…" : key;
}
