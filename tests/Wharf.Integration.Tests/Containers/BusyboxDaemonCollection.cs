namespace Wharf.Integration.Tests.Containers;

/// <summary>Tests sharing one wharfd with busybox loaded.</summary>
[CollectionDefinition(Name)]
public sealed class BusyboxDaemonCollection : ICollectionFixture<BusyboxDaemonFixture>
{
    public const string Name = "busybox daemon";
}
