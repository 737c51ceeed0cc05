using System.Text;

namespace TeamsBot.Tests.Reliability.Fuzz;

/// <summary>One fuzz input: its index, the real shape it started from, what was done to it, and what is sent.</summary>
public sealed record FuzzCase(int Index, string Shape, IReadOnlyList<string> Mutations, FuzzDocument Document, string? Authorization)
{
    public byte[] Body { get; } = Document.Render();

    /// <summary>
    /// Case <paramref name="index"/> of the run seeded <paramref name="seed"/>: each case draws from its own generator,
    /// so it renders the same alone as in the whole run (FUZZ_CASE reruns one).
    /// </summary>
    public static FuzzCase Create(int seed, int index, ActivityGrammar grammar, string inboundTokenCanary)
    {
        var rng = new Random(unchecked(seed * 1_000_003 + index));
        var (shape, activity) = grammar.Create(rng, index);
        var document = new FuzzDocument(activity);
        var count = rng.Next(100) switch { < 15 => 0, < 60 => 1, < 85 => 2, _ => 3 };
        var done = new List<string>();
        for (var i = 0; i < count; i++)
            if (Fuzz.Mutations.ApplyOne(rng, document, index) is { } what) done.Add(what);
        // Teams always sends a token; in development mode it is ignored, and it must never be logged.
        var authorization = rng.Next(4) == 0 ? $"Bearer {inboundTokenCanary}" : null;
        return new FuzzCase(index, shape, done, document, authorization);
    }

    /// <summary>The body as text for a report: long strings cut, so a 300 KB case stays readable.</summary>
    public static string Readable(byte[] body, int max = 3000)
    {
        var text = Encoding.UTF8.GetString(body);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(.)\1{80,}", m => $"{m.Groups[1].Value}×{m.Length}");
        return text.Length <= max ? text : $"{text[..max]}… ({body.Length} bytes)";
    }

    public override string ToString() =>
        $"case {Index} ({Shape}{(Mutations.Count == 0 ? "" : "; " + string.Join("; ", Mutations))})";
}
