namespace Wharf.Engine.Networking.Dns;

/// <summary>The record types the embedded DNS answers itself; every other type is forwarded.</summary>
internal enum DnsRecordType : ushort
{
    A = 1,
    Ptr = 12,
    Aaaa = 28,
    Opt = 41,
}
