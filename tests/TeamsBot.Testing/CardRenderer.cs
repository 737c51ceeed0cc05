using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace TeamsBot.Testing;

/// <summary>
/// Renders Adaptive Card JSON to PNG with Microsoft's adaptivecards library in headless Chromium
/// (tests/cards/render.mjs). PNGs land in <c>&lt;repo&gt;/TestResults/cards/</c> (gitignored) beside a copy of the JSON.
/// </summary>
/// <example><code>
/// var shots = await CardRenderer.RenderAsync(new Dictionary&lt;string, string&gt; { ["digest"] = card.ToJson() });
/// Assert.Empty(shots[0].Errors); // shots[0].PngPath; shots[0].Text (the visible text)
/// </code></example>
public static partial class CardRenderer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string DefaultOutputDirectory => Path.Combine(RepoPaths.Root, "TestResults", "cards");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>
    /// Renders every card (name → JSON) in one Chromium session. Names become file names, so they may hold only
    /// letters, digits, '.', '_' and '-'. Existing PNGs of the same names are replaced.
    /// </summary>
    public static async Task<IReadOnlyList<CardRendering>> RenderAsync(
        IReadOnlyDictionary<string, string> cardsByName, string? outputDirectory = null, CancellationToken cancellationToken = default)
    {
        CardScripts.RequirePackages("adaptivecards", "markdown-it", "playwright-core");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. Install it with `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH).");

        var output = outputDirectory ?? DefaultOutputDirectory;
        Directory.CreateDirectory(output);
        // A private input folder: render.mjs renders every *.json it finds, and other tests may render at the same time.
        var input = Directory.CreateTempSubdirectory("cards-render-");
        try
        {
            foreach (var (name, json) in cardsByName)
            {
                if (!FileSafeName().IsMatch(name))
                    throw new ArgumentException($"Card name '{name}' must match {FileSafeName()}.", nameof(cardsByName));
                await File.WriteAllTextAsync(Path.Combine(input.FullName, name + ".json"), json, cancellationToken);
                await File.WriteAllTextAsync(Path.Combine(output, name + ".json"), json, cancellationToken);
            }

            var result = await CardScripts.RunAsync("render.mjs", [input.FullName, output], null, Timeout, cancellationToken);
            var renderings = result.Stdout.Length > 0
                ? JsonSerializer.Deserialize<List<CardRendering>>(result.Stdout, JsonSerializerOptions.Web)
                : null;
            if (renderings is null || renderings.Count != cardsByName.Count)
                throw new InvalidOperationException(
                    $"render.mjs failed (exit {result.ExitCode}): {result.Stderr}\n{result.Stdout}");
            return renderings;
        }
        finally
        {
            input.Delete(recursive: true);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex FileSafeName();
}

/// <summary>
/// One rendered card: the PNG (null if rendering failed), its size in CSS pixels, the visible text, errors. Cards with
/// ShowCard/ToggleVisibility actions are shot again after pressing each once (ExpandedPngPath/ExpandedText, else null).
/// </summary>
public sealed record CardRendering(
    string Name,
    [property: JsonPropertyName("png")] string? PngPath,
    double Width,
    double Height,
    string Text,
    [property: JsonPropertyName("expandedPng")] string? ExpandedPngPath,
    string? ExpandedText,
    IReadOnlyList<string> Errors);
