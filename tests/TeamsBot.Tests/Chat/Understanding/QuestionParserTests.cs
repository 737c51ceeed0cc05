using TeamsBot.Chat.Understanding;
using TeamsBot.Measures;
using TeamsBot.Measures.Import;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Chat.Understanding;

public sealed class QuestionParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly IReadOnlyList<Plan> Plans = PlanImporter.ReadAll([PlanFiles.SeedFolder]).Plans.Select(p => p.Plan).ToList();

    private static Question Parse(string text) => QuestionParser.Parse(text, Today, Plans);

    [Theory]
    [InlineData("status for PLIVO", "plivo")]
    [InlineData("hva er status på PLIVO?", "plivo")]
    [InlineData("What is the status of the risk assessment tool?", "risk assessment tool")]
    [InlineData("mangfolds-koordinatorer", "mangfolds koordinatorer")]
    [InlineData("retningslinjene for informasjonsdeling", "retningslinjene informasjonsdeling")]
    public void A_question_about_one_thing_is_a_lookup_with_its_subject_words(string text, string search)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.Lookup, question.Kind);
        Assert.Equal(search, question.SearchText);
    }

    [Theory]
    [InlineData("hva er forsinket?")]
    [InlineData("Hvilke tiltak er forsinket")]
    [InlineData("what is overdue?")]
    [InlineData("which measures are delayed")]
    [InlineData("tiltak der fristen er passert")]
    public void Overdue_questions(string text)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.Overdue, question.Kind);
        Assert.False(question.HasSearchText, question.SearchText);
    }

    [Fact]
    public void Deadlines_in_the_next_30_days()
    {
        var question = Parse("frister neste 30 dager");
        Assert.Equal(QuestionKind.DueSoon, question.Kind);
        Assert.Equal(new DateRange(Today, Today.AddDays(30)), question.Filters.Range);
    }

    [Theory]
    [InlineData("frister i september 2023", 2023, 9)]
    [InlineData("deadlines in August 2023", 2023, 8)]
    [InlineData("hva har frist i desember", 2026, 12)]
    public void Deadlines_in_a_named_month(string text, int year, int month)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.DueSoon, question.Kind);
        var first = new DateOnly(year, month, 1);
        Assert.Equal(new DateRange(first, first.AddMonths(1).AddDays(-1)), question.Filters.Range);
    }

    [Theory]
    [InlineData("what changed last week?")]
    [InlineData("hva er endret siste uke")]
    [InlineData("endringer")]
    public void Changes_default_to_the_last_seven_days(string text)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.ChangedSince, question.Kind);
        Assert.Equal(new DateRange(Today.AddDays(-7), Today), question.Filters.Range);
    }

    [Fact]
    public void Changes_since_a_written_date()
    {
        var question = Parse("hva er oppdatert siden 1. september 2023?");
        Assert.Equal(QuestionKind.ChangedSince, question.Kind);
        Assert.Equal(new DateRange(new DateOnly(2023, 9, 1), null), question.Filters.Range);
    }

    [Theory]
    [InlineData("tiltak PST eier", "PST")]
    [InlineData("hva har Kripos ansvar for?", "Kripos")]
    [InlineData("measures owned by the Police University College", "PHS")]
    [InlineData("vis tiltak for politidistriktene", "Politidistriktene")]
    public void Measures_of_an_owner_are_a_list(string text, string owner)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.List, question.Kind);
        Assert.Equal(owner, question.Filters.OwnerUnit);
    }

    [Theory]
    [InlineData("pågående tiltak", MeasureStatus.InProgress)]
    [InlineData("hvilke tiltak er under planlegging?", MeasureStatus.UnderPlanning)]
    [InlineData("implemented measures", MeasureStatus.Implemented)]
    [InlineData("vis alle iverksatte tiltak", MeasureStatus.Implemented)]
    public void Measures_with_a_status_are_a_list(string text, MeasureStatus status)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.List, question.Kind);
        Assert.Equal(status, question.Filters.Status);
    }

    [Theory]
    [InlineData("oppsummering 22. juli", "22-juli")]
    [InlineData("oppsummering 25. juni", "25-juni")]
    [InlineData("status 25. juni-evalueringen", "25-juni")]
    [InlineData("summary of the July 22 measures", "22-juli")]
    [InlineData("faglige råd", "faglige-rad-2025")]
    public void A_plan_named_alone_or_with_summary_words_is_a_summary(string text, string planId)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.Summary, question.Kind);
        Assert.Equal(planId, question.Filters.PlanId);
    }

    [Theory]
    [InlineData("hvem eier PLIVO?", "plivo")]
    [InlineData("who is responsible for the risk assessment tool", "risk assessment tool")]
    public void Who_owns(string text, string search)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.WhoOwns, question.Kind);
        Assert.Equal(search, question.SearchText);
    }

    [Fact]
    public void Pågående_tiltak_for_PST_in_the_25_June_plan_combines_filters()
    {
        var question = Parse("pågående tiltak for PST i 25. juni");
        Assert.Equal(QuestionKind.List, question.Kind);
        Assert.Equal((MeasureStatus.InProgress, "PST", "25-juni"), (question.Filters.Status!.Value, question.Filters.OwnerUnit, question.Filters.PlanId));
    }

    [Theory]
    [InlineData("' or PartitionKey ne '")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("{{DATE(2017-02-14T06:08:39Z, SHORT)}}")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("99. foo 2023-13-45 31.02.2023")]
    public void Hostile_or_odd_text_parses_without_throwing(string text)
    {
        var question = Parse(text);
        Assert.NotNull(question);
    }
}
