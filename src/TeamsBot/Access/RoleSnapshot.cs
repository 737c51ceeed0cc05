using System.Collections.Frozen;

namespace TeamsBot.Access;

/// <summary>The roles as of <see cref="LoadedAt"/>, looked up by Entra object id or Teams id.</summary>
public sealed class RoleSnapshot
{
    private readonly FrozenDictionary<string, RoleRecord> _byKey;

    public RoleSnapshot(IReadOnlyList<RoleRecord> records, DateTimeOffset loadedAt)
    {
        Records = records;
        LoadedAt = loadedAt;
        _byKey = records
            .SelectMany(r => new[] { r.UserKey, r.TeamsUserId }.OfType<string>().Select(key => (key, r)))
            .DistinctBy(x => x.key, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(x => x.key, x => x.r, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<RoleRecord> Records { get; }
    public DateTimeOffset LoadedAt { get; }

    /// <summary>No roles stored at all: development mode, where everyone may edit.</summary>
    public bool IsEmpty => Records.Count == 0;

    public RoleRecord? Find(string? aadObjectId, string? teamsId) =>
        (aadObjectId is { Length: > 0 } && _byKey.TryGetValue(aadObjectId, out var byAad) ? byAad : null)
        ?? (teamsId is { Length: > 0 } && _byKey.TryGetValue(teamsId, out var byTeams) ? byTeams : null);
}
