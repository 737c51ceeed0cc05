using TeamsBot.Testing;

namespace TeamsBot.Tables.Tests.Infrastructure;

/// <summary>Gives each test a fresh table on the shared Azurite and deletes it afterwards.</summary>
[Collection(AzuriteCollection.Name)]
public abstract class TableTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected TableServiceClient Service { get; } = new(azurite.ConnectionString);

    protected TableClient Table { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Table = Service.GetTableClient(AzuriteFixture.NewTableName());
        await Table.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync() => await Table.DeleteAsync();
}
