using System.Runtime.InteropServices;

namespace Wharf.Linux;

/// <summary>
/// An owned file descriptor. As a SafeHandle it is reference-counted across P/Invoke calls, so disposing it while
/// another thread is inside a call on it defers the close until that call returns: the number is never reused
/// under a thread still using it.
/// </summary>
public sealed partial class FileDescriptorHandle : SafeHandle
{
    public FileDescriptorHandle()
        : base(-1, ownsHandle: true)
    {
    }

    public FileDescriptorHandle(int fd)
        : base(-1, ownsHandle: true)
    {
        SetHandle(fd);
    }

    public override bool IsInvalid => handle < 0;

    protected override bool ReleaseHandle() => Close((int)handle) == 0;

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
