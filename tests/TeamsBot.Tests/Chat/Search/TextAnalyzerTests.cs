using TeamsBot.Chat.Search;
using TeamsBot.Localization;

namespace TeamsBot.Tests.Chat.Search;

public sealed class TextAnalyzerTests
{
    private readonly TextAnalyzer _analyzer = new();

    [Fact]
    public void Normalize_removes_mentions_markup_and_punctuation_and_keeps_letters_digits_and_inner_hyphens()
    {
        Assert.Equal("status for plivo-prosedyren 2023 øvelser på åsen",
            _analyzer.Normalize("<at>TeamsBot</at> Status for <b>PLIVO-prosedyren</b> (2023)? Øvelser på Åsen!"));
        Assert.Equal("a b", _analyzer.Normalize("  a -- b - "));
    }

    [Fact]
    public void Normalize_composes_decomposed_letters()
    {
        var decomposed = "Ova\u030Asen"; // "å" as a + combining ring
        Assert.Equal("ovåsen", _analyzer.Normalize(decomposed));
    }

    [Fact]
    public void Tokenize_drops_stop_words_in_both_languages_and_joins_hyphenated_words()
    {
        var tokens = _analyzer.Tokenize("Hva er status for mangfolds-koordinatorer i distriktene? What is the PLIVO status");
        Assert.Equal(["status", "mangfoldskoordinatorer", "distriktene", "plivo", "status"], tokens.Select(t => t.Text));
        Assert.Equal(["mangfolds", "koordinatorer"], tokens[1].Parts);
    }

    [Fact]
    public void Terms_are_stems_with_the_parts_of_hyphenated_words_after_the_whole()
    {
        Assert.Equal(["mangfoldskoordinator", "mangfold", "koordinator", "politidistrikt"],
            _analyzer.Terms("mangfolds-koordinatorer i politidistriktene"));
        Assert.Equal(["drill", "train", "2023"], _analyzer.Terms("drills and training in 2023", UserLanguage.English));
    }

    [Theory]
    [InlineData("drills", "drill")]
    [InlineData("training", "train")]
    [InlineData("trained", "train")]
    [InlineData("guidelines", "guidelin")]
    [InlineData("guideline", "guidelin")]
    [InlineData("sharing", "shar")]
    [InlineData("share", "shar")]
    [InlineData("centres", "centr")]
    [InlineData("helicopters", "helicopter")]
    [InlineData("services", "servic")]
    public void English_light_stemmer(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));

    [Fact]
    public void Transliterate_writes_norwegian_letters_as_ascii_pairs() =>
        Assert.Equal("oevels paa aerlig", TextAnalyzer.Transliterate("øvels på ærlig"));

    [Theory]
    [InlineData("risikovurderingsverktøy", "risikovurderingsverkty", 1)]
    [InlineData("plivo", "pilvo", 1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_a_swap_as_one(string a, string b, int distance) =>
        Assert.Equal(distance, EditDistance.Bounded(a, b, 5));

    [Fact]
    public void Compounds_split_against_a_vocabulary_with_linking_s()
    {
        var known = new HashSet<string> { "risiko", "vurdering", "verktøy", "mangfold", "koordinator", "trening" };
        bool IsKnown(ReadOnlySpan<char> word) => known.Contains(word.ToString());
        Assert.Equal(["risiko", "vurderings", "verktøy"], CompoundSplitter.Split("risikovurderingsverktøy", IsKnown));
        Assert.Equal(["mangfolds", "koordinatorer"], CompoundSplitter.Split("mangfoldskoordinatorer", IsKnown));
        Assert.Equal(["vedlikeholds", "trening"], CompoundSplitter.Split("vedlikeholdstrening", IsKnown));
        Assert.Empty(CompoundSplitter.Split("tverrsektorielt", IsKnown));
        Assert.Empty(CompoundSplitter.Split("risiko", IsKnown));
    }
}
