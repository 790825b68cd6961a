namespace Wharf.Daemon.Api;

/// <summary>
/// How <see cref="StdioBridge"/> treats the client's input. <paramref name="ForwardStdin"/>: read the client and feed the
/// process. <paramref name="WatchDetachKeys"/>: look for <paramref name="DetachKeys"/> (dockerd does so only with a TTY; empty
/// means ctrl-p, ctrl-q). <paramref name="StdinEndClosesSession"/>: the client's EOF ends the session instead of only the
/// process's stdin (dockerd: unless stdin is closed on EOF and there is no TTY).
/// </summary>
internal sealed record BridgeOptions(bool ForwardStdin, bool WatchDetachKeys, ReadOnlyMemory<byte> DetachKeys, bool StdinEndClosesSession);
