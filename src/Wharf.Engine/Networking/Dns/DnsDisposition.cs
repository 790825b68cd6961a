namespace Wharf.Engine.Networking.Dns;

internal enum DnsDisposition
{
    /// <summary>Malformed or not a query: no reply at all.</summary>
    Drop,

    /// <summary>The reply is in the response buffer.</summary>
    Reply,

    /// <summary>Not a container's name: relay the query to the upstream resolvers.</summary>
    Forward,
}
