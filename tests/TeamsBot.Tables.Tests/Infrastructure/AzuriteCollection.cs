using TeamsBot.Testing;

namespace TeamsBot.Tables.Tests.Infrastructure;

/// <summary>One Azurite for every test class in this collection.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
