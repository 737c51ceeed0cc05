using TeamsBot.Measures;

namespace TeamsBot.Tests.Chat;

/// <summary>
/// Our question set: what coordinators and leaders ask, in bokmål and English, with typos, inflections and English
/// words for Norwegian measures — each through /api/messages, answered from the seed plans on 20 August 2023.
/// </summary>
public sealed class QuestionSetTests(ChatAppFixture chat) : IClassFixture<ChatAppFixture>
{
    public static TheoryData<string, string, string> Lookups => new()
    {
        // question, locale, the measure that must come first
        { "status for PLIVO", "nb-NO", "25-juni-22" },
        { "hva er status på PLIVO?", "nb-NO", "25-juni-22" },
        { "Hva er status for PLIVO-prosedyren", "nb-NO", "25-juni-22" },
        { "status Infohus", "nb-NO", "25-juni-01" },
        { "OP Anker", "nb-NO", "25-juni-12" },
        { "status NBN-VTC", "nb-NO", "25-juni-26" },
        { "hvordan går det med liaison fra PST til POD?", "nb-NO", "25-juni-07" },
        { "risikovurderingsverktøy", "nb-NO", "25-juni-06" },
        { "risikovurderingsverkty", "nb-NO", "25-juni-06" },
        { "status risikovurderingsverktøyet", "nb-NO", "25-juni-06" },
        { "risk assessment tool", "en-US", "25-juni-06" },
        { "What is the status of the risk assessment tool?", "en-US", "25-juni-06" },
        { "mangfoldskoordinator", "nb-NO", "25-juni-16" },
        { "mangfolds-koordinatorer", "nb-NO", "25-juni-16" },
        { "status for mangfoldskoordinatorene", "nb-NO", "25-juni-16" },
        { "veiledningsmateriell helsetjenesten", "nb-NO", "25-juni-02" },
        { "veiledningsmateriel helsetjenesten", "nb-NO", "25-juni-02" },
        { "guidance for sharing information with the health service", "en-US", "25-juni-02" },
        { "samarbeidsavtale med helseforetak", "nb-NO", "25-juni-03" },
        { "fast kontaktpunkt i politidistriktene", "nb-NO", "25-juni-04" },
        { "retningslinje for politiets møter med barn", "nb-NO", "25-juni-05" },
        { "guideline for police meetings with children", "en-US", "25-juni-05" },
        { "nasjonal rutine for samhandling mellom politiet og PST", "nb-NO", "25-juni-10" },
        { "sikkerhetsklarering av personell", "nb-NO", "25-juni-11" },
        { "dialogmøter med trusselutsatte minoritetsgrupper", "nb-NO", "25-juni-13" },
        { "evaluere radikaliseringskontakt-funksjonen", "nb-NO", "25-juni-14" },
        { "studieemnet forebygging av radikalisering", "nb-NO", "25-juni-15" },
        { "rettferdig politi", "nb-NO", "25-juni-17" },
        { "psykisk helsevernloven", "nb-NO", "25-juni-19" },
        { "revidering av planverk", "nb-NO", "25-juni-20" },
        { "beredskapsordning for etterretning", "nb-NO", "25-juni-21" },
        { "nasjonale øvelser", "nb-NO", "25-juni-23" },
        { "frekvens på nasjonale øvingar", "nb-NO", "25-juni-23" },
        { "national exercises", "en-US", "25-juni-23" },
        { "stabs- og lederutviklingsprogrammet", "nb-NO", "25-juni-24" },
        { "PAV-meldinger", "nb-NO", "25-juni-25" },
        { "felles situasjonsforståelse", "nb-NO", "25-juni-27" },
        { "vurdering av etterretningsprodukter og trusselvurderinger", "nb-NO", "25-juni-28" },
        { "status NIM", "nb-NO", "25-juni-29" },
        { "instruksjonsmyndighet", "nb-NO", "25-juni-30" },
        { "police helicopters", "en-US", "22-juli-06" },
        { "new situation centre", "en-US", "22-juli-03" },
        { "national alarm system", "en-US", "22-juli-07" },
        { "Nødnett", "nb-NO", "22-juli-07" },
        { "assistance instructions", "en-US", "22-juli-04" },
        { "teknologisk løft", "nb-NO", "faglige-rad-2025-06" },
        { "forutsigbar finansiering", "nb-NO", "faglige-rad-2025-09" },
        { "internasjonalt politisamarbeid", "nb-NO", "faglige-rad-2025-05" },
        { "status 25-juni-22", "nb-NO", "25-juni-22" },
        { "22-juli-06?", "en-US", "22-juli-06" },
    };

    [Theory]
    [MemberData(nameof(Lookups))]
    public async Task A_question_about_one_measure_puts_that_measure_first(string question, string locale, string expected)
    {
        var reply = Reply.Of(await chat.AskAsync(question, locale));
        Assert.NotNull(reply.Card);
        Assert.NotEmpty(reply.MeasureIds);
        Assert.Equal(expected, reply.MeasureIds[0]);
    }

    public static TheoryData<string, string, string> Lists => new()
    {
        // question, locale, which measures the answer must list (computed from the data below)
        { "hva er forsinket?", "nb-NO", "overdue" },
        { "Hvilke tiltak er forsinket", "nb-NO", "overdue" },
        { "what is overdue?", "en-US", "overdue" },
        { "frister neste 30 dager", "nb-NO", "due-30" },
        { "deadlines in the next 30 days", "en-US", "due-30" },
        { "frister i september 2023", "nb-NO", "due-sept-2023" },
        { "pågående tiltak", "nb-NO", "in-progress" },
        { "ongoing measures", "en-US", "in-progress" },
        { "tiltak under planlegging", "nb-NO", "under-planning" },
        { "iverksatte tiltak i 25. juni", "nb-NO", "implemented-25-juni" },
        { "implemented measures", "en-US", "implemented" },
        { "tiltak PST eier", "nb-NO", "owner-PST" },
        { "hva har Kripos ansvar for?", "nb-NO", "owner-Kripos" },
        { "measures owned by the Police University College", "en-US", "owner-PHS" },
        { "anbefalinger", "nb-NO", "recommended" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_list_question_lists_exactly_the_matching_measures(string question, string locale, string selection)
    {
        var expected = Select(selection).ToList();
        var reply = Reply.Of(await chat.AskAsync(question, locale));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, reply.ListCount);
        Assert.All(reply.MeasureIds, id => Assert.Contains(id, expected.Select(m => m.Id)));
    }

    private IEnumerable<Measure> Select(string selection)
    {
        var today = ChatAppFixture.Today;
        var open = chat.Measures.Where(m => m.Status != MeasureStatus.Implemented);
        return selection switch
        {
            "overdue" => open.Where(m => m.Deadline < today),
            "due-30" => open.Where(m => m.Deadline >= today && m.Deadline <= today.AddDays(30)),
            "due-sept-2023" => open.Where(m => m.Deadline is { Year: 2023, Month: 9 }),
            "in-progress" => chat.Measures.Where(m => m.Status == MeasureStatus.InProgress),
            "under-planning" => chat.Measures.Where(m => m.Status == MeasureStatus.UnderPlanning),
            "implemented-25-juni" => chat.Measures.Where(m => m.Status == MeasureStatus.Implemented && m.PlanId == "25-juni"),
            "implemented" => chat.Measures.Where(m => m.Status == MeasureStatus.Implemented),
            "recommended" => chat.Measures.Where(m => m.Status == MeasureStatus.Recommended),
            _ when selection.StartsWith("owner-", StringComparison.Ordinal) => chat.Measures.Where(m => m.Owners.Contains(selection["owner-".Length..])),
            _ => throw new ArgumentOutOfRangeException(nameof(selection)),
        };
    }

    [Theory]
    [InlineData("oppsummering 25. juni", "nb-NO", "25. juni-evalueringen")]
    [InlineData("oppsummering 22. juli", "nb-NO", "Strengthened emergency response")]
    [InlineData("summary of the July 22 measures", "en-US", "Strengthened emergency response")]
    [InlineData("status 25. juni-evalueringen", "nb-NO", "Samhandling og informasjonsdeling")]
    [InlineData("faglige råd", "nb-NO", "Politidirektørens faglige råd")]
    public async Task A_summary_shows_the_plan_with_its_areas(string question, string locale, string expectedText)
    {
        var reply = Reply.Of(await chat.AskAsync(question, locale));
        Assert.NotNull(reply.Card);
        Assert.Contains(expectedText, reply.All);
    }

    [Theory]
    [InlineData("hvem eier liaison fra PST til POD?", "nb-NO", "eies av POD og PST")]
    [InlineData("who is responsible for the risk assessment tool", "en-US", "is owned by PST and KDI")]
    public async Task Who_owns_answers_in_a_sentence(string question, string locale, string expected)
    {
        var reply = Reply.Of(await chat.AskAsync(question, locale));
        Assert.Contains(expected, reply.Text);
    }

    [Theory]
    [InlineData("what changed last week?", "en-US", "No measures changed")]
    [InlineData("hva er endret siste uke?", "nb-NO", "Ingen tiltak er endret")]
    public async Task Changes_exclude_the_initial_import(string question, string locale, string expected)
    {
        var reply = Reply.Of(await chat.AskAsync(question, locale));
        Assert.Contains(expected, reply.Text);
    }

    [Theory]
    [InlineData("xyzzy plugh", "nb-NO")]
    [InlineData("' or PartitionKey ne '", "nb-NO")]
    [InlineData("quantum chromodynamics", "en-US")]
    public async Task Nothing_found_is_said_plainly_with_what_can_be_asked(string question, string locale)
    {
        var reply = Reply.Of(await chat.AskAsync(question, locale));
        Assert.NotNull(reply.Card);
        Assert.Contains(locale == "en-US" ? "what is overdue" : "hva er forsinket", reply.All, StringComparison.OrdinalIgnoreCase);
    }
}
