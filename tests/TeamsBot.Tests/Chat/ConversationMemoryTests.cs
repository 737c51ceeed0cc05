using TeamsBot.Chat;
using TeamsBot.Chat.Memory;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Tests.Chat;

/// <summary>
/// Follow-ups refer to the last answer of their conversation: the measure just shown, the list just shown (narrowed
/// or paged). The context lives in Table Storage, so another instance answers the follow-up as well.
/// </summary>
public sealed class ConversationMemoryTests(ChatAppFixture chat) : IClassFixture<ChatAppFixture>
{
    private async Task<(Reply First, Reply FollowUp)> AskTwiceAsync(string first, string followUp, string locale)
    {
        var conversation = chat.NewConversation();
        var one = Reply.Of(await chat.AskInAsync(conversation, first, locale));
        var two = Reply.Of(await chat.AskInAsync(conversation, followUp, locale));
        return (one, two);
    }

    [Theory]
    [InlineData("pågående tiltak", "bare de som PST eier", "nb-NO", "InProgress", "PST")]
    [InlineData("pågående tiltak", "bare Kripos", "nb-NO", "InProgress", "Kripos")]
    [InlineData("tiltak politidistriktene eier", "bare de pågående", "nb-NO", "InProgress", "Politidistriktene")]
    [InlineData("tiltak POD eier", "kun de under planlegging", "nb-NO", "UnderPlanning", "POD")]
    [InlineData("hva jobber PST med?", "berre dei pågåande", "nb-NO", "InProgress", "PST")]
    [InlineData("ongoing measures", "only PST", "en-US", "InProgress", "PST")]
    [InlineData("ongoing measures", "only the ones owned by the Police Directorate", "en-US", "InProgress", "POD")]
    [InlineData("what is the Police Security Service working on?", "just the planned ones", "en-US", "UnderPlanning", "PST")]
    public async Task A_refinement_narrows_the_last_list_and_names_the_combined_filters(
        string first, string followUp, string locale, string status, string owner)
    {
        var (_, reply) = await AskTwiceAsync(first, followUp, locale);

        var expected = chat.Measures.Where(m => m.Status == Enum.Parse<MeasureStatus>(status) && m.Owners.Contains(owner)).ToList();
        var texts = ChatTexts.For(UserLanguages.FromLocale(locale));
        var line = reply.FirstLine.Replace("\\", "", StringComparison.Ordinal);
        Assert.Contains(texts.OwnerFilter(owner), line);
        Assert.Contains(texts.StatusFilter(StatusLabels.Heading(Enum.Parse<MeasureStatus>(status), UserLanguages.FromLocale(locale))), line);
        if (expected.Count == 0) Assert.Null(reply.Card);
        else Assert.Equal(expected.Count, reply.ListCount);
        Assert.All(reply.MeasureIds, id => Assert.Contains(id, expected.Select(m => m.Id)));
    }

    [Theory]
    [InlineData("status for NBN-VTC", "hva er fristen for den?", "nb-NO", "deadline")]
    [InlineData("status for OP Anker", "og merknaden?", "nb-NO", "remark")]
    [InlineData("risikovurderingsverktøy", "hvem eier det?", "nb-NO", "owners")]
    [InlineData("status for NIM", "kva er fristen for det tiltaket?", "nb-NO", "deadline")]
    [InlineData("status Infohus", "og kommentaren?", "nb-NO", "remark")]
    [InlineData("national alarm system", "and when is it due?", "en-US", "deadline")]
    [InlineData("risk assessment tool", "what about the owner?", "en-US", "owners")]
    [InlineData("police helicopters", "and the remark?", "en-US", "remark")]
    [InlineData("status of OP Anker", "who is responsible for it?", "en-US", "owners")]
    [InlineData("nasjonal rutine for samhandling mellom politiet og PST", "når er fristen for den?", "nb-NO", "deadline")]
    public async Task A_follow_up_with_a_pronoun_answers_about_the_measure_just_shown(string first, string followUp, string locale, string field)
    {
        var (shown, reply) = await AskTwiceAsync(first, followUp, locale);

        Assert.NotEmpty(shown.MeasureIds);
        var measure = chat.Measures.Single(m => m.Id == shown.MeasureIds[0]);
        var language = UserLanguages.FromLocale(locale);
        Assert.NotNull(reply.Text);
        var text = reply.Text.Replace("\\", "", StringComparison.Ordinal);
        Assert.Contains(measure.Title[..Math.Min(30, measure.Title.Length)], text);
        switch (field)
        {
            case "deadline":
                Assert.Contains(measure.Deadline is { } d ? DateTexts.Date(d, language) : ChatTexts.For(language).NoDeadlineKnown("").Split(' ')[0], text);
                break;
            case "remark":
                Assert.Contains(measure.Remark.Length == 0 ? "" : measure.Remark[..20], text);
                break;
            default:
                Assert.All(measure.Owners, owner => Assert.Contains(owner, text));
                break;
        }
    }

    [Theory]
    [InlineData("pågående tiltak", "vis flere", "nb-NO", "9–16 av 21")]
    [InlineData("pågående tiltak", "flere", "nb-NO", "9–16 av 21")]
    [InlineData("ongoing measures", "more", "en-US", "9–16 of 21")]
    [InlineData("ongoing measures", "show more", "en-US", "9–16 of 21")]
    public async Task More_typed_gives_the_next_page_of_the_last_list(string first, string more, string locale, string expected)
    {
        var (one, two) = await AskTwiceAsync(first, more, locale);

        Assert.Contains(expected, two.All);
        Assert.Empty(two.MeasureIds.Intersect(one.MeasureIds));
    }

    [Fact]
    public async Task More_after_a_refinement_pages_the_refined_list()
    {
        var conversation = chat.NewConversation();
        await chat.AskInAsync(conversation, "tiltak");
        var refined = Reply.Of(await chat.AskInAsync(conversation, "bare de pågående"));
        var next = Reply.Of(await chat.AskInAsync(conversation, "vis flere"));

        Assert.Contains("1–8 av 21", refined.All);
        Assert.Contains("9–16 av 21", next.All);
    }

    [Fact]
    public async Task A_new_full_question_replaces_the_context()
    {
        var conversation = chat.NewConversation();
        await chat.AskInAsync(conversation, "pågående tiltak");
        var measure = Reply.Of(await chat.AskInAsync(conversation, "status for NBN-VTC"));
        var followUp = Reply.Of(await chat.AskInAsync(conversation, "hva er fristen for den?"));

        Assert.Equal("25-juni-26", measure.MeasureIds[0]);
        Assert.Contains("NBN-VTC", followUp.Text);
    }

    [Fact]
    public async Task Small_talk_in_between_keeps_the_context()
    {
        var conversation = chat.NewConversation();
        await chat.AskInAsync(conversation, "status for NBN-VTC");
        await chat.AskInAsync(conversation, "takk!");
        var followUp = Reply.Of(await chat.AskInAsync(conversation, "og merknaden?"));

        Assert.Contains("NBN-VTC", followUp.Text);
    }

    [Fact]
    public async Task A_follow_up_in_another_conversation_does_not_see_this_context()
    {
        await chat.AskInAsync(chat.NewConversation(), "pågående tiltak");
        var elsewhere = Reply.Of(await chat.AskInAsync(chat.NewConversation(), "vis flere"));

        Assert.DoesNotContain("9–16 av 21", elsewhere.All);
    }

    [Fact]
    public async Task A_follow_up_is_answered_by_another_instance_on_the_same_storage()
    {
        await using var second = await chat.StartSecondInstanceAsync();
        using var secondHttp = new HttpClient { BaseAddress = second.BaseAddress };
        var conversation = chat.NewConversation();

        await chat.AskInAsync(conversation, "pågående tiltak");
        var next = Reply.Of(await chat.AskInAsync(conversation, "vis flere", http: secondHttp));

        Assert.Contains("9–16 av 21", next.All);
    }

    [Fact]
    public async Task The_context_expires()
    {
        var conversation = chat.NewConversation();
        await chat.AskInAsync(conversation, "pågående tiltak");
        chat.Clock.Advance(ConversationContextStore.Lifetime + TimeSpan.FromMinutes(1));
        var late = Reply.Of(await chat.AskInAsync(conversation, "vis flere"));

        Assert.DoesNotContain("9–16 av 21", late.All);
    }
}
