using System.Runtime.InteropServices;

namespace Wharf.Linux;

/// <summary>
/// The terminal calls docker's moby/term makes: isatty, the window size (TIOCGWINSZ) and raw mode (cfmakeraw's flags,
/// VMIN 1, VTIME 0) with the previous settings kept for restoring. Linux's termios layout and constants (the same on
/// x86-64 and arm64).
/// </summary>
public static partial class Terminal
{
    private const nuint GetWindowSizeRequest = 0x5413;
    private const int SetNow = 0;

    // struct termios: c_iflag, c_oflag, c_cflag, c_lflag (4 bytes each), c_line, c_cc[32], c_ispeed, c_ospeed.
    private const int TermiosSize = 60;
    private const int InputFlagsOffset = 0;
    private const int OutputFlagsOffset = 4;
    private const int ControlFlagsOffset = 8;
    private const int LocalFlagsOffset = 12;
    private const int ControlCharsOffset = 17;
    private const int VTime = 5;
    private const int VMin = 6;

    private const uint IgnoreBreak = 0x1;
    private const uint BreakInterrupt = 0x2;
    private const uint ParityMark = 0x8;
    private const uint StripHighBit = 0x20;
    private const uint NewlineToReturn = 0x40;
    private const uint IgnoreReturn = 0x80;
    private const uint ReturnToNewline = 0x100;
    private const uint FlowControl = 0x400;
    private const uint PostProcess = 0x1;
    private const uint Signals = 0x1;
    private const uint Canonical = 0x2;
    private const uint Echo = 0x8;
    private const uint EchoNewline = 0x40;
    private const uint Extended = 0x8000;
    private const uint CharacterSize = 0x30;
    private const uint Parity = 0x100;
    private const uint EightBits = 0x30;

    private const nuint SetWindowSizeRequest = 0x5414;

    public static bool IsTerminal(int fd) => NativeIsATty(fd) == 1;

    /// <summary>ioctl(TIOCSWINSZ) on a pty master: the kernel sends SIGWINCH to the terminal's foreground process group.</summary>
    public static unsafe void SetWindowSize(int fd, int height, int width)
    {
        var size = stackalloc ushort[4];
        size[0] = (ushort)Math.Clamp(height, 0, ushort.MaxValue);
        size[1] = (ushort)Math.Clamp(width, 0, ushort.MaxValue);
        size[2] = 0;
        size[3] = 0;
        if (NativeIoctl(fd, SetWindowSizeRequest, size) != 0)
        {
            throw UnixError.ToException(Marshal.GetLastPInvokeError(), "ioctl(TIOCSWINSZ)");
        }
    }

    /// <summary>Rows and columns of the terminal on <paramref name="fd"/>; (0, 0) when it is none.</summary>
    public static unsafe (int Rows, int Columns) GetWindowSize(int fd)
    {
        var size = stackalloc ushort[4];
        return NativeIoctl(fd, GetWindowSizeRequest, size) == 0 ? (size[0], size[1]) : (0, 0);
    }

    /// <summary>Puts the terminal in raw mode; returns the settings to hand to <see cref="Restore"/>.</summary>
    public static unsafe byte[] MakeRaw(int fd)
    {
        var saved = new byte[TermiosSize + 4];
        fixed (byte* state = saved)
        {
            if (NativeGetAttributes(fd, state) != 0)
            {
                throw UnixError.ToException(Marshal.GetLastPInvokeError(), "tcgetattr");
            }
        }

        var raw = (byte[])saved.Clone();
        Clear(raw, InputFlagsOffset, IgnoreBreak | BreakInterrupt | ParityMark | StripHighBit | NewlineToReturn | IgnoreReturn | ReturnToNewline | FlowControl);
        Clear(raw, OutputFlagsOffset, PostProcess);
        Clear(raw, LocalFlagsOffset, Echo | EchoNewline | Canonical | Signals | Extended);
        Clear(raw, ControlFlagsOffset, CharacterSize | Parity);
        Set(raw, ControlFlagsOffset, EightBits);
        raw[ControlCharsOffset + VMin] = 1;
        raw[ControlCharsOffset + VTime] = 0;
        fixed (byte* state = raw)
        {
            if (NativeSetAttributes(fd, SetNow, state) != 0)
            {
                throw UnixError.ToException(Marshal.GetLastPInvokeError(), "tcsetattr");
            }
        }

        return saved;
    }

    public static unsafe void Restore(int fd, byte[] saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        fixed (byte* state = saved)
        {
            _ = NativeSetAttributes(fd, SetNow, state);
        }
    }

    private static void Clear(byte[] termios, int offset, uint flags) =>
        BitConverter.TryWriteBytes(termios.AsSpan(offset, 4), BitConverter.ToUInt32(termios, offset) & ~flags);

    private static void Set(byte[] termios, int offset, uint flags) =>
        BitConverter.TryWriteBytes(termios.AsSpan(offset, 4), BitConverter.ToUInt32(termios, offset) | flags);

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int NativeIsATty(int fd);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static unsafe partial int NativeIoctl(int fd, nuint request, ushort* argument);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    private static unsafe partial int NativeGetAttributes(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    private static unsafe partial int NativeSetAttributes(int fd, int action, byte* termios);
}
