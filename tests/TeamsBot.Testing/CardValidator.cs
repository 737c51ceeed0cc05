using System.Text.Json;
using Xunit;

namespace TeamsBot.Testing;

/// <summary>
/// Checks Adaptive Card JSON with Microsoft's adaptivecards library (tests/cards/validate.mjs): unknown element types
/// or property names, invalid values, duplicate ids, empty choice sets, versions above the 1.5 Teams renders.
/// </summary>
/// <example><code>
/// await CardValidator.AssertValidAsync(card.ToJson());
/// var errors = await CardValidator.ValidateAsync(card.ToJson());   // [] when valid
/// </code></example>
public static class CardValidator
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Validates one card; returns its errors (empty when valid).</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string cardJson, CancellationToken cancellationToken = default) =>
        (await ValidateManyAsync([cardJson], cancellationToken))[0];

    /// <summary>Validates several cards in one node run; returns the errors of each, in order.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> ValidateManyAsync(
        IReadOnlyList<string> cardsJson, CancellationToken cancellationToken = default)
    {
        CardScripts.RequirePackages("adaptivecards");
        // Each card is parsed first so that a malformed one fails here, naming the card, rather than inside node.
        var array = "[" + string.Join(",", cardsJson.Select((json, i) => ParseCard(json, i))) + "]";
        var result = await CardScripts.RunAsync("validate.mjs", [], array, Timeout, cancellationToken);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"validate.mjs failed (exit {result.ExitCode}): {result.Stderr}");

        var reports = JsonSerializer.Deserialize<List<Report>>(result.Stdout, JsonSerializerOptions.Web)
                      ?? throw new InvalidOperationException($"validate.mjs printed no result: {result.Stdout}");
        if (reports.Count != cardsJson.Count)
            throw new InvalidOperationException($"validate.mjs reported {reports.Count} cards for {cardsJson.Count}.");
        return [.. reports.OrderBy(r => r.Index).Select(r => (IReadOnlyList<string>)r.Errors)];
    }

    /// <summary>Fails the test, listing every error, unless each card is valid.</summary>
    public static async Task AssertValidAsync(params string[] cardsJson)
    {
        var results = await ValidateManyAsync(cardsJson);
        var failures = results
            .Select((errors, i) => (errors, i))
            .Where(r => r.errors.Count > 0)
            .Select(r => $"card {r.i}:\n  " + string.Join("\n  ", r.errors))
            .ToList();
        if (failures.Count > 0)
            Assert.Fail("Adaptive Card validation failed:\n" + string.Join("\n", failures));
    }

    private static string ParseCard(string json, int index)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetRawText();
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Card {index} is not JSON: {e.Message}", nameof(json), e);
        }
    }

    private sealed record Report(int Index, List<string> Errors);
}
