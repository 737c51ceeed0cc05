using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace TeamsBot.Measures;

/// <summary>A unit that can own a measure: the canonical name used in data and chat, and the ways plans write it.</summary>
public sealed record OwnerUnit(string Name, string FullName, ImmutableArray<string> Aliases);

/// <summary>The units the plans name as acting or responsible, and whole-word matching of their aliases in prose.</summary>
public static class OwnerUnits
{
    public static ImmutableArray<OwnerUnit> All { get; } =
    [
        new("POD", "Politidirektoratet",
            ["POD", "Politidirektoratet", "National Police Directorate", "Norwegian Police Directorate", "Police Directorate"]),
        new("PST", "Politiets sikkerhetstjeneste",
            ["PST", "Politiets sikkerhetstjeneste", "Norwegian Police Security Service", "Police Security Service"]),
        new("PHS", "Politihøgskolen", ["PHS", "Politihøgskolen", "Norwegian Police University College", "Police University College"]),
        // In 001 "KDI" (with PST, on a risk assessment tool for the correctional service) is Kriminalomsorgsdirektoratet.
        new("KDI", "Kriminalomsorgsdirektoratet", ["KDI", "Kriminalomsorgsdirektoratet"]),
        new("Kriminalomsorgen", "Kriminalomsorgen", ["Kriminalomsorgen", "Norwegian Correctional Service", "Correctional Service"]),
        new("Kripos", "Kripos", ["Kripos", "National Criminal Investigation Service"]),
        new("JD", "Justis- og beredskapsdepartementet",
            ["JD", "Justis- og beredskapsdepartementet", "Justisdepartementet", "Ministry of Justice and Public Security", "Ministry of Justice"]),
        new("Oslo pd", "Oslo politidistrikt", ["Oslo politidistrikt", "Oslo pd", "OPD", "Oslo police district"]),
        new("Politidistriktene", "Politidistriktene",
            ["alle politidistrikt", "alle politidistrikter", "politidistriktene", "politidistrikter", "politidistrikt", "distriktene",
             "police districts"]),
        new("Særorganene", "Politiets særorganer", ["særorganene", "særorganer", "særorgan", "særorgana", "national police agencies"]),
        new("PU", "Politiets utlendingsenhet", ["PU", "Politiets utlendingsenhet", "National Police Immigration Service"]),
        new("NIM", "Norges institusjon for menneskerettigheter",
            ["NIM", "Norges institusjon for menneskerettigheter", "Norwegian National Human Rights Institution"]),
        new("Helsedirektoratet", "Helsedirektoratet", ["Helsedirektoratet", "Hdir", "Norwegian Directorate of Health"]),
    ];

    /// <summary>The canonical names of the units named in <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> FindIn(string text)
    {
        var hits = Matchers
            .SelectMany(m => m.Pattern.Matches(text).Select(hit => (hit.Index, hit.Length, m.Unit)))
            .OrderBy(h => h.Index)
            .ThenByDescending(h => h.Length);
        var owners = new List<string>();
        var end = 0;
        foreach (var (index, length, unit) in hits)
        {
            // The longest alias at a place wins and hides shorter ones inside it ("Oslo politidistrikt" is not also
            // "politidistrikt").
            if (index < end) continue;
            end = index + length;
            if (!owners.Contains(unit.Name)) owners.Add(unit.Name);
        }
        return owners;
    }

    private static readonly ImmutableArray<(OwnerUnit Unit, Regex Pattern)> Matchers =
        [.. All.SelectMany(unit => unit.Aliases.Select(alias => (unit, ToPattern(alias))))];

    // Whole words only (no letter or digit on either side), an optional genitive s ("PODs", "NIMs", "PST's"), any
    // whitespace between words. Acronyms match only in capitals so that "PST" is never found in ordinary words; names
    // match in any case ("Politidistriktene" at the start of a sentence).
    private static Regex ToPattern(string alias)
    {
        var words = string.Join(@"\s+", alias.Split(' ').Select(Regex.Escape));
        var isAcronym = alias.Length <= 6 && alias.All(c => !char.IsLower(c));
        var options = RegexOptions.CultureInvariant | (isAcronym ? RegexOptions.None : RegexOptions.IgnoreCase);
        return new Regex($@"(?<![\p{{L}}\p{{N}}]){words}(?:s|['’]s)?(?![\p{{L}}\p{{N}}])", options);
    }
}
