namespace JobSheetQA.Bot.Tests.Storage.Support;

/// <summary>Every PostgreSQL test class shares one throwaway cluster; each test gets its own database in it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL cluster";
}
