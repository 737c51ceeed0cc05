using System.Text.RegularExpressions;
using TeamsBot.Testing;

namespace TeamsBot.Cards.Tests;

/// <summary>
/// Renders cards with the adaptivecards library in headless Chromium (markdown-it on, as Teams applies markdown).
/// PNGs are kept under TestResults/cards/ for a human look.
/// </summary>
public partial class CardRenderingTests
{
    // Strings a user might type into a measure title or remark, each of which markdown would otherwise change.
    private static readonly string[] HostileLines =
    [
        "**not bold** and _not italic_",
        "[not a link](https://evil.example)",
        "1. not a numbered list",
        "- not a bullet",
        "# not a heading",
        "{{DATE(2017-02-14T06:08:00Z, SHORT)}}",
        "</script><img src=x onerror=alert(1)>",
        "\"quotes\" & 'apostrophes' &amp; &lt;",
        @"C:\plans\25juni",
        "`not code` ~~not struck~~",
        "Frist 1. september 2023 – Kripos 🚓 æøå",
    ];

    [Fact]
    public async Task Every_sample_card_renders_to_a_non_trivial_png()
    {
        var cards = SampleCards.All().ToDictionary(p => p.Key, p => p.Value.ToJson());

        var renderings = await CardRenderer.RenderAsync(cards);

        Assert.Equal(cards.Keys.Order(StringComparer.Ordinal), renderings.Select(r => r.Name).Order(StringComparer.Ordinal));
        foreach (var rendering in renderings)
        {
            Assert.True(rendering.Errors.Count == 0, $"{rendering.Name}: {string.Join("; ", rendering.Errors)}");
            Assert.NotNull(rendering.PngPath);
            var png = new FileInfo(rendering.PngPath);
            Assert.True(png.Exists, $"{png.FullName} is missing");
            Assert.True(png.Length > 3_000, $"{rendering.Name}.png is only {png.Length} bytes");
            Assert.InRange(rendering.Width, 490, 510);
            Assert.True(rendering.Height > 60, $"{rendering.Name} is only {rendering.Height}px high");
            Assert.False(string.IsNullOrWhiteSpace(rendering.Text), $"{rendering.Name} shows no text");
        }

        var measure = renderings.Single(r => r.Name == "measure");
        Assert.Contains("Etablere felles situasjonsforståelse", measure.Text, StringComparison.Ordinal);
        Assert.Contains("Oppdater status", measure.Text, StringComparison.Ordinal);
        // Escaped by the sample card, so the asterisks survive markdown.
        Assert.Contains("*se merknad*", measure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowCard_and_ToggleVisibility_reveal_their_content_when_pressed()
    {
        var rendering = (await CardRenderer.RenderAsync(new Dictionary<string, string>
        {
            // Its own name: the all-samples test writes show-and-toggle.png at the same time.
            ["show-and-toggle-pressed"] = SampleCards.ShowAndToggle().ToJson(),
        })).Single();

        Assert.Empty(rendering.Errors);
        Assert.DoesNotContain("Rutiner for informasjonsdeling", rendering.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kommentar", rendering.Text, StringComparison.Ordinal);
        Assert.NotNull(rendering.ExpandedText);
        Assert.Contains("Rutiner for informasjonsdeling", rendering.ExpandedText, StringComparison.Ordinal);
        Assert.Contains("Kommentar", rendering.ExpandedText, StringComparison.Ordinal);
        Assert.True(File.Exists(rendering.ExpandedPngPath), "the expanded PNG is missing");
    }

    [Fact]
    public async Task Escaped_user_text_displays_literally_and_unescaped_text_does_not()
    {
        var escaped = new AdaptiveCard();
        var raw = new AdaptiveCard();
        foreach (var line in HostileLines)
        {
            escaped.Body.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(line)) { Wrap = true });
            raw.Body.Add(new AdaptiveTextBlock(line) { Wrap = true });
        }

        var renderings = await CardRenderer.RenderAsync(new Dictionary<string, string>
        {
            ["escaped-user-text"] = escaped.ToJson(),
            ["raw-user-text"] = raw.ToJson(),
        });

        var shown = Normalize(renderings.Single(r => r.Name == "escaped-user-text").Text);
        foreach (var line in HostileLines)
            Assert.Contains(Normalize(line), shown, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", shown.Replace(@"C:\plans\25juni", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // Control: without escaping, markdown and date functions really do change the text.
        var rawShown = Normalize(renderings.Single(r => r.Name == "raw-user-text").Text);
        Assert.DoesNotContain("**not bold**", rawShown, StringComparison.Ordinal);
        Assert.DoesNotContain("[not a link]", rawShown, StringComparison.Ordinal);
        Assert.DoesNotContain("{{DATE(", rawShown, StringComparison.Ordinal);
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
