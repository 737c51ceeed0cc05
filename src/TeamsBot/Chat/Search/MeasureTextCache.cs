using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Search;

/// <summary>
/// The tokenized <see cref="SearchField"/>s of each measure, kept across index builds: measure and plan records are
/// immutable, so a rebuild after one update tokenizes only that measure again. Keys are weak: measures that left
/// every snapshot are collected with their entries. A word is one shared token however many measures use it: 10,000
/// measures hold ~600,000 words but only tens of thousands of distinct ones, and a token object and string per
/// occurrence were half of the process's live memory.
/// </summary>
internal sealed class MeasureTextCache(TextAnalyzer analyzer)
{
    private readonly ConditionalWeakTable<Measure, Entry> _entries = new();

    // Grows with the vocabulary, not with the number of measures; words of measures that are gone stay (a few KB).
    private readonly ConcurrentDictionary<string, AnalyzedToken> _words = new(StringComparer.Ordinal);

    private sealed record Entry(Plan? Plan, AnalyzedToken[][] Fields);

    public AnalyzedToken[][] Fields(Measure measure, Plan? plan)
    {
        if (_entries.TryGetValue(measure, out var entry) && ReferenceEquals(entry.Plan, plan)) return entry.Fields;
        AnalyzedToken[][] fields = [.. FieldTexts(measure, plan).Select(text => analyzer.Tokenize(text).Select(Shared).ToArray())];
        _entries.AddOrUpdate(measure, new Entry(plan, fields));
        return fields;
    }

    /// <summary>A hyphenated word keeps its own token: its parts depend on how it was written, not only on its text.</summary>
    private AnalyzedToken Shared(AnalyzedToken token) => token.Parts.Count > 0 ? token : _words.GetOrAdd(token.Text, token);

    /// <summary>The text of each <see cref="SearchField"/>, in field order.</summary>
    private static string[] FieldTexts(Measure measure, Plan? plan)
    {
        var area = plan?.Areas.FirstOrDefault(a => a.Id == measure.AreaId)?.Title ?? "";
        // An owner is found by its short name, its full name and the ways plans write it ("PST", "Politiets
        // sikkerhetstjeneste", "Police Security Service").
        var owners = string.Join(" ", measure.Owners.Select(owner =>
            OwnerUnits.All.FirstOrDefault(u => string.Equals(u.Name, owner, StringComparison.OrdinalIgnoreCase)) is { } unit
                ? string.Join(" ", unit.Aliases.Prepend(unit.FullName).Prepend(unit.Name).Distinct())
                : owner));
        return [string.Join(" ", measure.Aliases), measure.Title, area, owners, measure.Remark];
    }
}
