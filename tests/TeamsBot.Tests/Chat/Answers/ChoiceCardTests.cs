using System.Text.Json;
using TeamsBot.Chat.Answers;
using TeamsBot.Localization;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Chat.Answers;

public class ChoiceCardTests
{
    private static List<string?> ShowVerbs(JsonElement card) =>
        [.. card.GetProperty("body").EnumerateArray()
            .Where(e => e.TryGetProperty("selectAction", out _))
            .Select(e => e.GetProperty("selectAction").GetProperty("data").GetProperty("measureId").GetString())];

    [Fact]
    public void Candidates_offer_at_most_five_measures_under_the_question()
    {
        var candidates = CardData.InPlan("25-juni").Take(7).ToList();

        var card = CardData.Json(CandidatesCard.Build("plivo *", candidates, CardData.Plans, UserLanguage.Bokmal, CardData.Today).ToJson());

        Assert.Contains("Mente du et av disse?", card.GetRawText());
        Assert.Contains("Du spurte: «plivo \\\\*»", card.GetRawText());
        Assert.Equal(candidates.Take(5).Select(m => m.Id), ShowVerbs(card));
    }

    [Fact]
    public void Candidates_in_english()
    {
        var card = CandidatesCard.Build("plivo", CardData.InPlan("25-juni").Take(2).ToList(), CardData.Plans, UserLanguage.English, CardData.Today).ToJson();

        Assert.Contains("Did you mean one of these?", card);
        Assert.Contains("You asked: \\u0022plivo\\u0022", card);
    }

    [Fact]
    public void Not_found_says_so_offers_the_nearest_and_example_questions()
    {
        var nearest = CardData.InPlan("25-juni").Skip(20).Take(6).ToList();

        var json = NotFoundCard.Build("hvem eier [droner](x)?", nearest, UserLanguage.Bokmal).ToJson();
        var card = CardData.Json(json);

        Assert.Contains("Jeg fant ingen tiltak som passer til «hvem eier \\\\[droner\\\\](x)?».", json);
        Assert.Contains("Kanskje du mente et av disse:", json);
        Assert.Equal(nearest.Take(5).Select(m => m.Id), ShowVerbs(card));
        Assert.Contains("Du kan for eksempel spørre:", json);
        foreach (var example in new[] { "status for PLIVO", "hva er forsinket?", "tiltak PST eier", "frister neste 30 dager", "oppsummering 25. juni" })
            Assert.Contains("- " + example, json);
    }

    [Fact]
    public void Not_found_without_nearest_still_answers_with_examples_in_english()
    {
        var json = NotFoundCard.Build("drones", [], UserLanguage.English).ToJson();

        Assert.Contains("I found no measures matching \\u0022drones\\u0022.", json);
        Assert.DoesNotContain("Perhaps", json);
        Assert.Contains("- what is overdue?", json);
        Assert.Contains("- status of PLIVO", json);
    }
}
