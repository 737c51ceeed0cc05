using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TeamsBot.Tests.Chat;

/// <summary>Reads a reply activity the way a person reads it in Teams: its text, or its card.</summary>
public sealed partial record Reply(string? Text, JsonObject? Card)
{
    public static Reply Of(JsonObject activity) => new(
        activity["text"]?.GetValue<string>(),
        activity["attachments"]?.AsArray().FirstOrDefault()?["content"]?.AsObject());

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The card's JSON with letters as written (æøå unescaped), or the text.</summary>
    public string All => Card?.ToJsonString(Readable) ?? Text ?? "";

    /// <summary>The first thing a person reads: the card's first text, or the message's first line.</summary>
    public string FirstLine => Card?["body"]?.AsArray().FirstOrDefault()?["text"]?.GetValue<string>()
        ?? Text?.Split('\n')[0] ?? "";

    /// <summary>Every measure a card points to, in card order (from its Action.Execute data).</summary>
    public IReadOnlyList<string> MeasureIds => Card is null ? [] :
        MeasureIdPattern().Matches(Card.ToJsonString()).Select(m => m.Groups[1].Value).Distinct().ToList();

    /// <summary>The count a list card's heading states, e.g. "Pågående tiltak (21)".</summary>
    public int? ListCount => Card is null ? null :
        CountPattern().Match(Card.ToJsonString()) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex("\"measureId\":\"([^\"]+)\"")]
    private static partial Regex MeasureIdPattern();

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex CountPattern();
}
