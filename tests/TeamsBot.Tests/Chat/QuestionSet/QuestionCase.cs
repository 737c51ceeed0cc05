using System.Text.Json;
using System.Text.Json.Serialization;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Chat.QuestionSet;

/// <summary>
/// One question of <c>questions.json</c>: how a user wrote it, and what it asks — the intent and exactly the filters
/// the answer must apply. What the answer must contain is computed from the seed data, never written here.
/// </summary>
public sealed record QuestionCase
{
    public required string Family { get; init; }
    /// <summary>nb, en, or nn (nynorsk, dialect or typos, from a user whose Teams is in Norwegian).</summary>
    public required string Lang { get; init; }
    public required string Q { get; init; }
    /// <summary>list, overdue, due, changed, count, lookup, who, summary, smalltalk, refused.</summary>
    public required string Intent { get; init; }
    public string? Plan { get; init; }
    public string? Area { get; init; }
    public string? Status { get; init; }
    public string? Owner { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>A word every listed measure's text contains (the topic the question narrows to).</summary>
    public string? Topic { get; init; }
    /// <summary>The measure a lookup or who-owns question is about.</summary>
    public string? Measure { get; init; }
    /// <summary>«hvor mange …»: the answer states the number.</summary>
    public bool Counted { get; init; }

    public string Locale => Lang == "en" ? "en-US" : "nb-NO";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IReadOnlyList<QuestionCase> All { get; } = JsonSerializer.Deserialize<List<QuestionCase>>(
        File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "TeamsBot.Tests", "Chat", "QuestionSet", "questions.json")), Options)!;
}
