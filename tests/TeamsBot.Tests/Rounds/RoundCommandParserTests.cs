using TeamsBot.Rounds;

namespace TeamsBot.Tests.Rounds;

public sealed class RoundCommandParserTests
{
    [Theory]
    [InlineData("be om status for 25. juni-planen innen 15. desember")]
    [InlineData("Kan du be om statusrapporter for 25. juni innen 15. desember?")]
    [InlineData("start en statusrunde for 25. juni-planen med frist 15. desember")]
    [InlineData("innhent status for 25 juni innen 15.12.2026")]
    [InlineData("request status for the 25 June plan by 15 December")]
    [InlineData("Please request status updates for 25 June by December 15, 2026")]
    [InlineData("start a status round for 25 June by 15 December")]
    public void Starting_a_round_is_understood_in_both_languages(string text)
    {
        var command = RoundCommandParser.Parse(text);
        Assert.Equal(RoundCommandKind.Start, command?.Kind);
        Assert.Contains("25", command!.Rest);
    }

    [Fact]
    public void The_coordinators_message_follows_a_colon()
    {
        var command = RoundCommandParser.Parse("be om status for 25. juni innen 15. desember: Husk budsjettet.");
        Assert.Equal("Husk budsjettet.", command?.Note);
    }

    [Theory]
    [InlineData("hvem mangler?", RoundCommandKind.Missing)]
    [InlineData("Hvem har ikke svart for 25. juni?", RoundCommandKind.Missing)]
    [InlineData("who is missing?", RoundCommandKind.Missing)]
    [InlineData("Who hasn't answered yet?", RoundCommandKind.Missing)]
    [InlineData("status for runden", RoundCommandKind.Status)]
    [InlineData("Status på statusrunden", RoundCommandKind.Status)]
    [InlineData("round status", RoundCommandKind.Status)]
    [InlineData("avslutt runden", RoundCommandKind.Close)]
    [InlineData("Lukk statusrunden for 25. juni", RoundCommandKind.Close)]
    [InlineData("close the round", RoundCommandKind.Close)]
    [InlineData("hvem svarer for Kripos?", RoundCommandKind.ShowOwners)]
    [InlineData("who answers for PST?", RoundCommandKind.ShowOwners)]
    public void Following_a_round_is_understood_with_natural_variants(string text, RoundCommandKind kind) =>
        Assert.Equal(kind, RoundCommandParser.Parse(text)?.Kind);

    [Fact]
    public void Adding_a_person_to_a_unit_keeps_their_words_as_typed()
    {
        var command = RoundCommandParser.Parse("legg til kari.nordmann@politiet.no for Kripos");
        Assert.Equal((RoundCommandKind.AddOwner, "kari.nordmann@politiet.no", "Kripos"), (command!.Kind, command.Person, command.Unit));
        Assert.Equal("Ola Nordmann", RoundCommandParser.Parse("add Ola Nordmann as owner for PST")?.Person);
    }

    [Theory]
    [InlineData("hvilke tiltak har PST?")]
    [InlineData("status for 25. juni")]
    [InlineData("oppdater 25-juni-01")]
    public void Questions_about_measures_are_left_to_the_other_commands(string text) =>
        Assert.Null(RoundCommandParser.Parse(text));
}
