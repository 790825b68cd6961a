namespace Wharf.Engine.Networking.Dns;

/// <summary>What to do with a datagram after reading its header and question.</summary>
internal enum DnsParseStatus
{
    /// <summary>A well-formed standard query with one question.</summary>
    Query,

    /// <summary>Garbage, or a response sent to us: dropped without an answer.</summary>
    Drop,

    /// <summary>Not a standard query (opcode): answered NOTIMP, as Docker's server does.</summary>
    NotImplemented,

    /// <summary>Not exactly one question: answered FORMERR, as Docker's server does.</summary>
    FormatError,
}
