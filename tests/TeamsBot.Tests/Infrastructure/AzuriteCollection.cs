using TeamsBot.Testing;

namespace TeamsBot.Tests.Infrastructure;

/// <summary>One Azurite for the whole assembly; each test isolates itself with its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
