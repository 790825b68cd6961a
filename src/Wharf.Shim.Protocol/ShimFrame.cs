namespace Wharf.Shim.Protocol;

/// <summary>One frame read from a shim connection.</summary>
public readonly record struct ShimFrame(ShimFrameKind Kind, byte[] Payload);
