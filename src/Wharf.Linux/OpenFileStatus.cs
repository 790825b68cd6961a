using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Wharf.Linux;

/// <summary>statx(2) of an open file (AT_EMPTY_PATH): tells whether a path still names the file a reader holds, e.g. across log rotation.</summary>
public static partial class OpenFileStatus
{
    private const int AtEmptyPath = 0x1000;
    private const uint StatxInode = 0x100;
    private const int StatxBufferLength = 256;

    public static unsafe ulong Inode(SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var buffer = stackalloc byte[StatxBufferLength];
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (Statx((int)handle.DangerousGetHandle(), "", AtEmptyPath, StatxInode, buffer) != 0)
            {
                throw UnixError.ToException(Marshal.GetLastPInvokeError(), "statx");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        return BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(buffer + 32, 8));
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Statx(int directoryFd, string path, int flags, uint mask, byte* buffer);
}
