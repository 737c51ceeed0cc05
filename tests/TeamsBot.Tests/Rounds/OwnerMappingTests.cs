using TeamsBot.Access;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Rounds;

/// <summary>The owner-people mapping in chat: coordinators see and set it, everyone else is refused.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OwnerMappingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LoopbackConnector _connector = null!;
    private RoundHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _bot = await RoundHarness.StartAsync(azurite, _connector);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_coordinator_sees_who_answers_for_a_unit()
    {
        Assert.Equal("Disse svarer for PST:\n\n- Ola Nordmann", await _bot.SayTextAsync("hvem svarer for PST?"));
        var nobody = await _bot.SayTextAsync("hvem svarer for Kripos?");
        Assert.StartsWith("Ingen er knyttet til Kripos ennå.", nobody);
        Assert.Contains("«legg til kari.nordmann@politiet.no for Kripos»", nobody);
    }

    [Fact]
    public async Task Who_answers_for_something_that_is_not_a_unit_is_a_question_about_measures_for_chat()
    {
        Assert.Contains("eies av POD og PST", await _bot.SayTextAsync("hvem svarer for liaison fra PST til POD?"));
    }

    [Fact]
    public async Task Adding_someone_to_a_unit_nobody_knows_names_the_units_there_are()
    {
        Assert.StartsWith("Jeg kjenner ingen eierenhet som heter «Månebasen»", await _bot.SayTextAsync("legg til Per Hansen for Månebasen"));
    }

    [Fact]
    public async Task A_coordinator_adds_a_known_person_to_a_unit_and_keeps_their_other_roles()
    {
        Assert.Equal("Per Hansen svarer nå for Kripos.", await _bot.SayTextAsync("legg til Per Hansen for Kripos"));

        var per = (await _bot.App.Get<RoleStore>().GetAsync(CancellationToken.None)).Find(TestUser.Per.AadObjectId, null)!;
        Assert.Equal(["PHS", "Kripos"], per.OwnerUnits);
        Assert.Equal("These people answer for Kripos:\n\n- Per Hansen", await _bot.SayTextAsync("who answers for Kripos?", locale: "en-US"));
    }

    [Fact]
    public async Task Someone_who_is_not_a_coordinator_can_neither_see_nor_set_the_mapping()
    {
        const string refused = "Bare plankoordinatorer kan endre hvem som svarer for en enhet.";
        Assert.Equal(refused, await _bot.SayTextAsync("hvem svarer for PST?", TestUser.Ola));
        Assert.Equal(refused, await _bot.SayTextAsync("legg til Ola Nordmann for Kripos", TestUser.Ola));
        var ola = (await _bot.App.Get<RoleStore>().GetAsync(CancellationToken.None)).Find(TestUser.Ola.AadObjectId, null)!;
        Assert.Equal(["PST"], ola.OwnerUnits);
    }

    [Fact]
    public async Task An_unknown_person_is_named_back_and_nothing_is_written()
    {
        Assert.StartsWith("Jeg finner ingen person «Nils Nilsen»", await _bot.SayTextAsync("legg til Nils Nilsen for Kripos"));
        Assert.Equal(3, (await _bot.App.Get<RoleStore>().GetAsync(CancellationToken.None)).Records.Count);
    }
}
