namespace Wharf.Engine.Networking.Dns;

/// <summary>
/// The parts of a query the embedded DNS acts on. <see cref="Name"/> is the question's name without the trailing dot,
/// as asked (case kept); <see cref="QuestionEnd"/> is where the question ends in the packet.
/// </summary>
internal readonly record struct DnsQuery(
    ushort Id,
    ushort Flags,
    string Name,
    ushort Type,
    ushort Class,
    int QuestionEnd,
    int MaxUdpResponseLength);
