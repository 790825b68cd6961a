namespace Wharf.Linux;

/// <summary>libnftables refused a command; the message is nft's own error text (what <c>nft -f</c> would print).</summary>
public sealed class NftablesException : Exception
{
    public NftablesException()
    {
    }

    public NftablesException(string message)
        : base(message)
    {
    }

    public NftablesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
