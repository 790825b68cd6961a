namespace Wharf.Linux.Netlink;

/// <summary>
/// The kernel refused a netlink request (an NLMSG_ERROR with a negative errno). <see cref="Reason"/> reads like Go's
/// errno text (<c>file exists</c>), followed by the kernel's extended ack message when it sent one, so callers can
/// build <c>failed to create bridge wharf0: operation not permitted</c>.
/// </summary>
public sealed class NetlinkException : IOException
{
    public NetlinkException(string operation, int errno, string? kernelMessage)
        : base($"{operation}: {Describe(errno, kernelMessage)}", errno)
    {
        Errno = errno;
        KernelMessage = kernelMessage;
        Reason = Describe(errno, kernelMessage);
    }

    public NetlinkException()
        : this("netlink", 0, null)
    {
    }

    public NetlinkException(string message)
        : base(message)
    {
        Reason = message;
    }

    public NetlinkException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public int Errno { get; }

    /// <summary>The extended ack text (NLMSGERR_ATTR_MSG), e.g. <c>Unknown device type</c>; null when the kernel sent none.</summary>
    public string? KernelMessage { get; }

    /// <summary>The errno text, plus the extended ack text in parentheses when there is one.</summary>
    public string Reason { get; }

    public static string Describe(int errno, string? kernelMessage)
    {
        var text = UnixError.ToException(errno, "x").Message[3..];
        return string.IsNullOrEmpty(kernelMessage) ? text : $"{text} ({kernelMessage})";
    }
}
