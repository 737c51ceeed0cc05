using System.Text;
using System.Text.Json;

namespace TeamsBot.Tables.Internal;

internal enum PropertyNameKind
{
    Value,
    TypeAnnotation,
    ETag,
    ODataMetadata,
}

/// <summary>A property name as it appears in an entity payload, classified once.</summary>
internal sealed class PropertyName
{
    private PropertyName(string name)
    {
        Name = name;
        if (name.EndsWith(EdmType.AnnotationSuffix, StringComparison.Ordinal))
        {
            Kind = PropertyNameKind.TypeAnnotation;
            Target = name[..^EdmType.AnnotationSuffix.Length];
        }
        else if (name == TableEntity.ETagName)
        {
            Kind = PropertyNameKind.ETag;
        }
        else if (name.StartsWith("odata.", StringComparison.Ordinal))
        {
            Kind = PropertyNameKind.ODataMetadata;
        }
        Target = Target ?? name;
    }

    public string Name { get; }

    public PropertyNameKind Kind { get; }

    /// <summary>The property a type annotation is about; the name itself otherwise.</summary>
    public string Target { get; }

    public static PropertyName Of(string name) => new(name);
}

/// <summary>
/// Reuses classified property names across the entities of one response (a 1,000-entity page repeats the same
/// few names), so reading a page neither allocates nor re-classifies a name per entity.
/// </summary>
internal sealed class PropertyNameCache
{
    private const int MaxNames = 64;
    private readonly List<(byte[] Utf8, PropertyName Name)> _names = [];

    public PropertyName Get(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence) return PropertyName.Of(reader.GetString()!);
        var span = reader.ValueSpan;
        foreach (var (utf8, name) in _names)
        {
            if (span.SequenceEqual(utf8)) return name;
        }
        var added = PropertyName.Of(Encoding.UTF8.GetString(span));
        if (_names.Count < MaxNames) _names.Add((span.ToArray(), added));
        return added;
    }
}
