using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Wharf.Linux.Netlink;

/// <summary>
/// A NETLINK_ROUTE socket on a raw descriptor (System.Net.Sockets has no AF_NETLINK). It belongs to the network
/// namespace of the thread that opened it, whichever thread uses it later. Requests are serialized by a lock: a
/// request and its replies are matched by sequence number, and interleaving two on one socket would mix them up.
/// </summary>
public sealed unsafe partial class NetlinkSocket : IDisposable
{
    public const ushort FlagRequest = 0x1;
    public const ushort FlagAck = 0x4;
    public const ushort FlagReplace = 0x100;
    public const ushort FlagExclusive = 0x200;
    public const ushort FlagCreate = 0x400;
    public const ushort FlagDump = 0x300;

    private const int AddressFamilyNetlink = 16;
    private const int SocketRaw = 3;
    private const int SocketCloseOnExec = 0x80000;
    private const int ProtocolRoute = 0;
    private const int SocketLevelNetlink = 270;
    private const int OptionCapAck = 10;
    private const int OptionExtendedAck = 11;
    private const int ReceiveTruncated = 0x20;
    private const int ErrorInterrupted = 4;
    private const ushort FlagMulti = 0x2;
    private const ushort FlagDumpInterrupted = 0x10;
    private const int DumpAttempts = 5;

    private readonly FileDescriptorHandle handle;
    private readonly Lock gate = new();
    private readonly byte[] receiveBuffer = new byte[64 * 1024];
    private uint sequence;

    private NetlinkSocket(FileDescriptorHandle handle)
    {
        this.handle = handle;
        sequence = (uint)Environment.TickCount;
    }

    /// <summary>Opens a rtnetlink socket in the calling thread's network namespace.</summary>
    public static NetlinkSocket OpenRoute()
    {
        var fd = NativeSocket(AddressFamilyNetlink, SocketRaw | SocketCloseOnExec, ProtocolRoute);
        if (fd < 0)
        {
            throw UnixError.ToException(Marshal.GetLastPInvokeError(), "socket netlink");
        }

        var handle = new FileDescriptorHandle(fd);
        try
        {
            // Best effort: kernels without them still answer, only with less detail in errors.
            var enabled = 1;
            _ = SetSocketOption(handle, SocketLevelNetlink, OptionExtendedAck, &enabled, sizeof(int));
            _ = SetSocketOption(handle, SocketLevelNetlink, OptionCapAck, &enabled, sizeof(int));

            Span<byte> address = stackalloc byte[12];
            address.Clear();
            BinaryPrimitives.WriteUInt16LittleEndian(address, AddressFamilyNetlink);
            fixed (byte* data = address)
            {
                if (Bind(handle, data, (uint)address.Length) != 0)
                {
                    throw UnixError.ToException(Marshal.GetLastPInvokeError(), "bind netlink");
                }
            }

            return new NetlinkSocket(handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Sends a change request and waits for the kernel's ack; a refusal is a <see cref="NetlinkException"/> named <paramref name="operation"/>.</summary>
    public void Execute(NetlinkMessageBuilder request, string operation)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (gate)
        {
            var expected = Send(request, FlagRequest | FlagAck, operation);
            while (true)
            {
                foreach (var message in ReceiveBatch(operation))
                {
                    if (message.Sequence != expected)
                    {
                        continue;
                    }

                    if (message.Type == NetlinkMessage.TypeError)
                    {
                        var (errno, kernelMessage) = message.ReadError();
                        if (errno == 0)
                        {
                            return;
                        }

                        throw new NetlinkException(operation, errno, kernelMessage);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Sends a get request and returns the replies: every message of a dump (when the request has
    /// <see cref="FlagDump"/>, restarted if the kernel flags it inconsistent), or the single answer otherwise.
    /// </summary>
    public IReadOnlyList<NetlinkMessage> Query(NetlinkMessageBuilder request, string operation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dump = (request.Flags & FlagDump) == FlagDump;
        lock (gate)
        {
            for (var attempt = 1; ; attempt++)
            {
                var (replies, interrupted) = QueryOnce(request, dump, operation);
                if (!interrupted || attempt == DumpAttempts)
                {
                    return replies;
                }
            }
        }
    }

    public void Dispose() => handle.Dispose();

    private (List<NetlinkMessage> Replies, bool Interrupted) QueryOnce(NetlinkMessageBuilder request, bool dump, string operation)
    {
        var expected = Send(request, FlagRequest, operation);
        var replies = new List<NetlinkMessage>();
        var interrupted = false;
        while (true)
        {
            foreach (var message in ReceiveBatch(operation))
            {
                if (message.Sequence != expected || message.Type == NetlinkMessage.TypeNoop)
                {
                    continue;
                }

                interrupted |= (message.Flags & FlagDumpInterrupted) != 0;
                switch (message.Type)
                {
                    case NetlinkMessage.TypeError:
                        var (errno, kernelMessage) = message.ReadError();
                        if (errno != 0)
                        {
                            throw new NetlinkException(operation, errno, kernelMessage);
                        }

                        return (replies, interrupted);
                    case NetlinkMessage.TypeDone:
                        // A dump that failed midway says so in DONE's payload (a negated errno).
                        if (message.Payload.Length >= 4)
                        {
                            var error = -BinaryPrimitives.ReadInt32LittleEndian(message.Payload.Span);
                            if (error > 0)
                            {
                                throw new NetlinkException(operation, error, null);
                            }
                        }

                        return (replies, interrupted);
                    default:
                        replies.Add(message);
                        if (!dump && (message.Flags & FlagMulti) == 0)
                        {
                            return (replies, interrupted);
                        }

                        break;
                }
            }
        }
    }

    private uint Send(NetlinkMessageBuilder request, ushort flags, string operation)
    {
        var number = ++sequence;
        var data = request.Finish(number, flags);
        fixed (byte* start = data)
        {
            while (true)
            {
                var sent = NativeSend(handle, start, (nuint)data.Length, 0);
                if (sent == data.Length)
                {
                    return number;
                }

                var errno = sent < 0 ? Marshal.GetLastPInvokeError() : 0;
                if (errno != ErrorInterrupted)
                {
                    throw sent < 0
                        ? new NetlinkException(operation, errno, null)
                        : new NetlinkException($"{operation}: short netlink send");
                }
            }
        }
    }

    private IReadOnlyList<NetlinkMessage> ReceiveBatch(string operation)
    {
        nint received;
        fixed (byte* start = receiveBuffer)
        {
            while (true)
            {
                received = NativeReceive(handle, start, (nuint)receiveBuffer.Length, ReceiveTruncated);
                if (received >= 0)
                {
                    break;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno != ErrorInterrupted)
                {
                    throw new NetlinkException(operation, errno, null);
                }
            }
        }

        if (received > receiveBuffer.Length)
        {
            throw new NetlinkException($"{operation}: netlink reply of {received} bytes does not fit the receive buffer");
        }

        // Copied so replies stay valid after the buffer is reused by the next receive.
        return NetlinkMessage.ParseAll(receiveBuffer.AsSpan(0, (int)received).ToArray());
    }

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static partial int NativeSocket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    private static partial int Bind(FileDescriptorHandle socket, byte* address, uint length);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    private static partial int SetSocketOption(FileDescriptorHandle socket, int level, int name, void* value, uint length);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    private static partial nint NativeSend(FileDescriptorHandle socket, byte* buffer, nuint length, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    private static partial nint NativeReceive(FileDescriptorHandle socket, byte* buffer, nuint length, int flags);
}
