using System.Runtime.InteropServices;

namespace Wharf.Linux;

/// <summary>Terminal ioctls on a pty master.</summary>
public static unsafe partial class Terminal
{
    private const nuint SetWindowSizeRequest = 0x5414;

    /// <summary>ioctl(TIOCSWINSZ): the kernel sends SIGWINCH to the terminal's foreground process group.</summary>
    public static void SetWindowSize(int fd, int height, int width)
    {
        var size = stackalloc ushort[4];
        size[0] = (ushort)Math.Clamp(height, 0, ushort.MaxValue);
        size[1] = (ushort)Math.Clamp(width, 0, ushort.MaxValue);
        size[2] = 0;
        size[3] = 0;
        if (Ioctl(fd, SetWindowSizeRequest, size) != 0)
        {
            throw UnixError.ToException(Marshal.GetLastPInvokeError(), "ioctl(TIOCSWINSZ)");
        }
    }

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(int fd, nuint request, ushort* argument);
}
