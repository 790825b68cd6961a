namespace Wharf.Engine.Tests.Networking;

internal sealed record DnsTestReply(ushort Id, ushort Flags, int Code, int Questions, IReadOnlyList<DnsTestAnswer> Answers)
{
    public bool Truncated => (Flags & 0x0200) != 0;
}
