using TeamsBot.Chat.Search;
using TeamsBot.Measures;

namespace TeamsBot.Tests.Chat.Search;

public sealed class MeasureTextCacheTests
{
    private static Measure Make(string id, string title) => new()
    {
        PlanId = "p", Id = id, AreaId = "a", Order = 1, Title = title, Status = MeasureStatus.InProgress,
    };

    [Fact]
    public void A_word_in_many_measures_is_kept_once_and_a_hyphenated_word_keeps_its_parts()
    {
        var cache = new MeasureTextCache(new TextAnalyzer());

        var first = cache.Fields(Make("m1", "Beredskap og øvelser"), plan: null)[SearchField.Title];
        var second = cache.Fields(Make("m2", "Nasjonal beredskap for mangfolds-koordinatorer"), plan: null)[SearchField.Title];

        var beredskap = first.Single(t => t.Text == "beredskap");
        Assert.Same(beredskap, second.Single(t => t.Text == "beredskap"));
        Assert.Same(beredskap.Text, second.Single(t => t.Text == "beredskap").Text);
        Assert.Equal(["mangfolds", "koordinatorer"], second.Single(t => t.Text == "mangfoldskoordinatorer").Parts);
    }
}
