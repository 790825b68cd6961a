using System.Runtime.InteropServices;

namespace Wharf.Linux;

/// <summary>Receives a file descriptor sent over a unix socket with SCM_RIGHTS (runc's <c>--console-socket</c> sends the pty master that way).</summary>
public static unsafe partial class FileDescriptorPassing
{
    private const int SocketLevel = 1;
    private const int RightsType = 1;
    private const int CloseOnExecOnReceive = 0x40000000;
    private const int ErrorInterrupted = 4;
    private const int ControlBufferSize = 64;

    /// <summary>Reads one message from <paramref name="socketFd"/> and returns the first descriptor it carried (close-on-exec).</summary>
    public static int Receive(int socketFd)
    {
        var data = stackalloc byte[4096];
        var control = stackalloc byte[ControlBufferSize];
        new Span<byte>(control, ControlBufferSize).Clear();
        IoVector vector;
        vector.Base = data;
        vector.Length = 4096;
        MessageHeader header = default;
        header.Vectors = &vector;
        header.VectorCount = 1;
        header.Control = control;
        header.ControlLength = ControlBufferSize;
        while (true)
        {
            var received = ReceiveMessage(socketFd, &header, CloseOnExecOnReceive);
            if (received >= 0)
            {
                break;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != ErrorInterrupted)
            {
                throw UnixError.ToException(errno, "recvmsg");
            }
        }

        // struct cmsghdr { size_t cmsg_len; int cmsg_level; int cmsg_type; unsigned char data[]; } (data 8-aligned on 64-bit).
        if (header.ControlLength < (nuint)(sizeof(nuint) + 8 + sizeof(int)))
        {
            throw new IOException("recvmsg: no file descriptor received");
        }

        var level = *(int*)(control + sizeof(nuint));
        var type = *(int*)(control + sizeof(nuint) + 4);
        if (level != SocketLevel || type != RightsType)
        {
            throw new IOException("recvmsg: unexpected control message");
        }

        return *(int*)(control + sizeof(nuint) + 8);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MessageHeader
    {
        public void* Name;
        public uint NameLength;
        public IoVector* Vectors;
        public nuint VectorCount;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static partial nint ReceiveMessage(int socketFd, MessageHeader* header, int flags);
}
