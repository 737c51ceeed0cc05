using TeamsBot.Chat;
using TeamsBot.Chat.Answers;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Tests.Chat.QuestionSet;

/// <summary>
/// The question set of <c>questions.json</c>, each through /api/messages on the seed plans (20 August 2023): the
/// understood line names exactly the filters the question gave, and the measures listed are exactly those of the data
/// that satisfy them.
/// </summary>
public sealed class QuestionSetFileTests(ChatAppFixture chat) : IClassFixture<ChatAppFixture>
{
    public static TheoryData<int, string> Questions()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < QuestionCase.All.Count; i++) data.Add(i, $"[{QuestionCase.All[i].Lang}] {QuestionCase.All[i].Q}");
        return data;
    }

    [Fact]
    public void The_set_covers_every_family_in_both_languages()
    {
        var all = QuestionCase.All;
        Assert.True(all.Count + 80 >= 200, $"{all.Count} questions here and about 80 in QuestionSetTests");
        Assert.True(all.Count(c => c.Lang == "en") >= 60);
        Assert.True(all.Count(c => c.Lang == "nn") >= 20);
        foreach (var family in new[] { "compose", "owners", "plans", "counts", "titles", "nynorsk", "smalltalk", "hostile", "english" })
            Assert.Contains(all, c => c.Family == family);
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Each_question_gets_the_answer_the_data_gives(int index, string question)
    {
        var c = QuestionCase.All[index];
        Assert.Equal(question, $"[{c.Lang}] {c.Q}");
        var language = UserLanguages.FromLocale(c.Locale);
        var reply = Reply.Of(await chat.AskAsync(c.Q, c.Locale));

        switch (c.Intent)
        {
            case "lookup":
                Assert.NotNull(reply.Card);
                // A near-verbatim title is the answer itself, never a choice among candidates.
                if (c.Family == "titles") Assert.DoesNotContain(AnswerTexts.For(language).DidYouMean, reply.All);
                Assert.NotEmpty(reply.MeasureIds);
                Assert.Equal(c.Measure, reply.MeasureIds[0]);
                break;
            case "who":
                var owned = chat.Measures.Single(m => m.Id == c.Measure);
                Assert.NotNull(reply.Text);
                Assert.Contains(owned.Owners.Count == 0 ? "" : owned.Owners[0], reply.Text);
                Assert.Contains(owned.Title[..20], reply.Text);
                break;
            case "summary":
                Assert.NotNull(reply.Card);
                Assert.Contains(chat.App.Get<MeasureIndex>().Current.Plans[c.Plan!].Title, reply.All);
                break;
            case "smalltalk":
                Assert.Null(reply.Card);
                Assert.NotNull(reply.Text);
                Assert.InRange(reply.Text.Length, 1, 300);
                Assert.DoesNotContain(chat.Measures, m => reply.Text.Contains(m.Id, StringComparison.Ordinal));
                break;
            case "refused":
                Assert.Null(reply.Card);
                Assert.Contains("2000", reply.Text);
                Assert.Contains("2100", reply.Text);
                break;
            default:
                AssertListAnswer(c, language, reply);
                break;
        }
    }

    private void AssertListAnswer(QuestionCase c, UserLanguage language, Reply reply)
    {
        var line = reply.FirstLine.Replace("\\", "", StringComparison.Ordinal);
        AssertUnderstood(c, language, line);

        var expected = Expected(c).ToList();
        var topic = c.Topic is null ? null : chat.Measures.Where(m => Mentions(m, c.Topic)).Select(m => m.Id).ToHashSet();
        if (topic is not null)
        {
            // The topic is found by the search (stems, compounds, English words): every measure listed must be about it.
            Assert.All(reply.MeasureIds, id => Assert.Contains(id, topic));
            Assert.All(reply.MeasureIds, id => Assert.Contains(id, (c.Intent == "changed" ? Filtered(c) : expected).Select(m => m.Id)));
            return;
        }
        if (expected.Count == 0)
        {
            Assert.Null(reply.Card);
            Assert.NotNull(reply.Text);
            return;
        }
        Assert.Equal(expected.Count, reply.ListCount);
        Assert.All(reply.MeasureIds, id => Assert.Contains(id, expected.Select(m => m.Id)));
        if (c.Counted || c.Intent == "count") Assert.Contains(ChatTexts.For(language).Number(expected.Count), reply.All);
    }

    private static void AssertUnderstood(QuestionCase c, UserLanguage language, string line)
    {
        var texts = ChatTexts.For(language);
        var plans = PlanTitles.Value;
        var intent = c.Intent switch
        {
            "overdue" => texts.OverdueIntent,
            "due" => texts.DueIntent(""),
            "changed" => texts.ChangedIntent(""),
            "count" => texts.CountIntent,
            _ => texts.ListIntent,
        };
        if (c.Counted && c.Intent != "count") intent = texts.CountOf(intent);
        Assert.StartsWith(intent.Trim(), line);

        Assert.Equal(c.Plan is not null, line.Contains(texts.PlanFilter(""), StringComparison.Ordinal));
        if (c.Plan is not null) Assert.Contains(texts.PlanFilter(plans[c.Plan].Title), line);
        Assert.Equal(c.Area is not null, line.Contains(texts.AreaFilter(""), StringComparison.Ordinal));
        if (c.Area is not null) Assert.Contains(texts.AreaFilter(plans.Values.SelectMany(p => p.Areas).Single(a => a.Id == c.Area).Title), line);
        Assert.Equal(c.Status is not null, line.Contains(texts.StatusFilter(""), StringComparison.Ordinal));
        if (c.Status is not null) Assert.Contains(texts.StatusFilter(StatusLabels.Heading(Enum.Parse<MeasureStatus>(c.Status), language)), line);
        Assert.Equal(c.Owner is not null, line.Contains(texts.OwnerFilter(""), StringComparison.Ordinal));
        if (c.Owner is not null) Assert.Contains(texts.OwnerFilter(c.Owner), line);
        Assert.Equal(c.Topic is not null, line.Contains(texts.TopicFilter("").TrimEnd('»', '"'), StringComparison.Ordinal));
        if (c.From is { } from && c.To is { } to)
        {
            Assert.Contains(DateTexts.ShortDate(from, language), line);
            Assert.Contains(DateTexts.ShortDate(to, language), line);
        }
    }

    private static readonly Lazy<IReadOnlyDictionary<string, Plan>> PlanTitles = new(() =>
        TeamsBot.Measures.Import.PlanImporter.ReadAll([Infrastructure.PlanFiles.SeedFolder]).Plans.ToDictionary(p => p.Plan.Id, p => p.Plan));

    /// <summary>The measures that satisfy the filters, before the intent's own condition.</summary>
    private IEnumerable<Measure> Filtered(QuestionCase c) => chat.Measures.Where(m =>
        (c.Plan is null || m.PlanId == c.Plan) &&
        (c.Area is null || m.AreaId == c.Area) &&
        (c.Status is null || m.Status == Enum.Parse<MeasureStatus>(c.Status)) &&
        (c.Owner is null || m.Owners.Contains(c.Owner)));

    private IEnumerable<Measure> Expected(QuestionCase c)
    {
        var today = ChatAppFixture.Today;
        bool InRange(Measure m) => m.Deadline is { } d && d >= c.From && d <= c.To;
        return c.Intent switch
        {
            "overdue" => Filtered(c).Where(m => m.IsOverdue(today)),
            "due" => Filtered(c).Where(m => InRange(m) && m.Status != MeasureStatus.Implemented),
            // Only the import wrote history in this fixture, and an import is not a change.
            "changed" => [],
            _ => Filtered(c).Where(m => c.From is null || InRange(m)),
        };
    }

    private static bool Mentions(Measure m, string word) =>
        $"{m.Title} {string.Join(' ', m.Aliases)} {m.Remark}".Contains(word, StringComparison.OrdinalIgnoreCase);
}
