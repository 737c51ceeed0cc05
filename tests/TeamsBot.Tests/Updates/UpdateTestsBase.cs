using TeamsBot.Testing;

namespace TeamsBot.Tests.Updates;

/// <summary>Each test with a running app of its own behind an <see cref="UpdateHarness"/>: started before it, stopped after.</summary>
public abstract class UpdateTestsBase(AzuriteFixture azurite) : IAsyncLifetime
{
    protected const string Plan = "25-juni";
    protected const string Plivo = "25-juni-22";

    protected UpdateHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await UpdateHarness.StartAsync(azurite);

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
