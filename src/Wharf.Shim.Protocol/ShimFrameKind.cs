namespace Wharf.Shim.Protocol;

/// <summary>The type byte of a frame on an attach or exec stream between wharfd and a shim.</summary>
public enum ShimFrameKind : byte
{
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,
    CloseStdin = 3,
    Exit = 4,
}
