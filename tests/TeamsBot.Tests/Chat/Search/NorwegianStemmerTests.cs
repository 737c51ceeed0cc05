using TeamsBot.Chat.Search;

namespace TeamsBot.Tests.Chat.Search;

public sealed class NorwegianStemmerTests
{
    [Theory]
    // Inflections from the plans: every form of a word meets in one stem.
    [InlineData("retningslinje", "retningslinj")]
    [InlineData("retningslinjer", "retningslinj")]
    [InlineData("retningslinjene", "retningslinj")]
    [InlineData("politidistrikt", "politidistrikt")]
    [InlineData("politidistrikter", "politidistrikt")]
    [InlineData("politidistriktene", "politidistrikt")]
    [InlineData("øvelse", "øvels")]
    [InlineData("øvelser", "øvels")]
    [InlineData("tiltak", "tiltak")]
    [InlineData("tiltaket", "tiltak")]
    [InlineData("tiltakene", "tiltak")]
    [InlineData("vurdering", "vurdering")]
    [InlineData("vurderinger", "vurdering")]
    [InlineData("trusselvurderinger", "trusselvurdering")]
    [InlineData("helsetjenesten", "helsetjenest")]
    [InlineData("radikaliseringskontakter", "radikaliseringskontakt")]
    [InlineData("mangfoldskoordinatorer", "mangfoldskoordinator")]
    // Examples from the algorithm's published sample vocabulary.
    [InlineData("havnedistriktene", "havnedistrikt")]
    [InlineData("havnedistriktets", "havnedistrikt")]
    [InlineData("havneeffektivitet", "havneeffektivit")]
    [InlineData("havneenheter", "havneen")]
    [InlineData("havnekassens", "havnekass")]
    [InlineData("havneloven", "havn")]
    [InlineData("havnemessig", "havnemess")]
    [InlineData("opparbeides", "opparbeid")]
    [InlineData("oppdaterte", "oppdater")]
    [InlineData("oppbygd", "oppbygd")]
    public void Stems_as_the_algorithm_describes(string word, string stem) =>
        Assert.Equal(stem, NorwegianStemmer.Stem(word));

    [Theory]
    [InlineData("mangfolds", "mangfold")]   // s after d: a valid s-ending, removed
    [InlineData("pst", "pst")]               // within the first three letters: never touched
    [InlineData("status", "status")]         // s after u: not a valid s-ending
    [InlineData("kurs", "kur")]              // s after r (not er): a valid s-ending
    [InlineData("arbeidsgivers", "arbeidsgiv")] // -ers after giv goes
    [InlineData("leders", "led")]            // -ers after anything else goes
    [InlineData("trekkers", "trekkers")]     // -ers after kk stays
    [InlineData("bildt", "bild")]            // step 2: dt → d
    [InlineData("samtidig", "samtid")]       // step 3: -ig
    public void Applies_the_s_ers_and_later_rules(string word, string stem) =>
        Assert.Equal(stem, NorwegianStemmer.Stem(word));

    [Fact]
    public void R1_starts_after_the_first_consonant_after_a_vowel_but_not_before_the_fourth_letter()
    {
        Assert.Equal(3, NorwegianStemmer.RegionR1("øvelse"));
        Assert.Equal(3, NorwegianStemmer.RegionR1("tiltak"));
        Assert.Equal(4, NorwegianStemmer.RegionR1("stemme"));
        Assert.Equal(5, NorwegianStemmer.RegionR1("strukturen"));
    }
}
