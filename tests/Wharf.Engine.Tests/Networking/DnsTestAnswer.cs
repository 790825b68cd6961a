namespace Wharf.Engine.Tests.Networking;

internal sealed record DnsTestAnswer(ushort Type, uint Ttl, byte[] Data, ushort OwnerPointer);
