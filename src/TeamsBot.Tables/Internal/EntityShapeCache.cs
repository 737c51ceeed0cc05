using System.Collections.Concurrent;

namespace TeamsBot.Tables.Internal;

/// <summary>Per-client cache of typed entity shapes (reflection once per type, not per call).</summary>
internal sealed class EntityShapeCache
{
    private readonly ConcurrentDictionary<Type, EntityShape> _shapes = new();

    public EntityShape Get(Type type) => _shapes.GetOrAdd(type, EntityShape.Build);
}
