namespace Wharf.Integration.Tests.Networking;

/// <summary>Networking tests sharing one wharfd (<see cref="NetworkDaemonFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class NetworkFixtureCollection : ICollectionFixture<NetworkDaemonFixture>
{
    public const string Name = "network daemon";
}
