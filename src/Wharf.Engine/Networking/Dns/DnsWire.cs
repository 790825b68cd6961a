namespace Wharf.Engine.Networking.Dns;

/// <summary>RFC 1035 wire constants the embedded DNS needs.</summary>
internal static class DnsWire
{
    public const int HeaderLength = 12;

    /// <summary>A name on the wire, length octets and terminating zero included (RFC 1035 §3.1).</summary>
    public const int MaxNameLength = 255;

    public const int MaxLabelLength = 63;

    /// <summary>The UDP payload every resolver must accept; larger answers need EDNS0 or TCP.</summary>
    public const int MinUdpPayload = 512;

    /// <summary>TCP frames carry a 16-bit length.</summary>
    public const int MaxMessageLength = 65535;

    public const ushort FlagResponse = 0x8000;
    public const ushort OpcodeMask = 0x7800;
    public const ushort FlagTruncated = 0x0200;
    public const ushort FlagRecursionDesired = 0x0100;
    public const ushort FlagRecursionAvailable = 0x0080;
    public const ushort FlagCheckingDisabled = 0x0010;
    public const ushort ResponseCodeMask = 0x000F;

    public const ushort ClassInternet = 1;

    /// <summary>A compression pointer to offset 12, where the (only) question's name starts.</summary>
    public const ushort PointerToQuestionName = 0xC000 | HeaderLength;

    /// <summary>Docker's resolver answers its own names with this TTL (libnetwork respTTL).</summary>
    public const uint ContainerRecordTtl = 600;
}
