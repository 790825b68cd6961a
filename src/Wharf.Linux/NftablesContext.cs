using System.Runtime.InteropServices;

namespace Wharf.Linux;

/// <summary>
/// A libnftables context (<c>libnftables.so.1</c>): runs a buffer of nft commands as one netlink transaction, in-process,
/// with output and errors captured instead of printed. The context's netlink socket belongs to the network namespace
/// of the thread that first runs a command, so a context made for another namespace must be used inside
/// <see cref="NetworkNamespace.Run{T}"/> from the start. Calls are serialised: libnftables contexts are not thread-safe.
/// </summary>
public sealed partial class NftablesContext : IDisposable
{
    private const string Library = "libnftables.so.1";

    // NFT_CTX_OUTPUT_HANDLE from nftables/libnftables.h: listings show "# handle N" so rules can be deleted one by one.
    private const uint OutputHandle = 1 << 3;

    private readonly Lock gate = new();
    private IntPtr context;

    public NftablesContext()
    {
        context = NativeNew(0);
        if (context == IntPtr.Zero)
        {
            throw new NftablesException("nft_ctx_new failed");
        }

        NativeOutputSetFlags(context, OutputHandle);
        if (NativeBufferOutput(context) != 0 || NativeBufferError(context) != 0)
        {
            NativeFree(context);
            context = IntPtr.Zero;
            throw new NftablesException("nft_ctx_buffer_output failed");
        }
    }

    /// <summary>Runs <paramref name="commands"/> (nft syntax, one command per line) atomically and returns what it printed.</summary>
    /// <exception cref="NftablesException">nft rejected the buffer; nothing of it was applied.</exception>
    public string Run(string commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(context == IntPtr.Zero, this);
            var status = NativeRunFromBuffer(context, commands);
            var output = Marshal.PtrToStringUTF8(NativeGetOutputBuffer(context)) ?? string.Empty;
            var error = Marshal.PtrToStringUTF8(NativeGetErrorBuffer(context)) ?? string.Empty;
            if (status != 0)
            {
                throw new NftablesException(string.IsNullOrWhiteSpace(error) ? $"nft failed with status {status}" : error.TrimEnd());
            }

            return output;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (context != IntPtr.Zero)
            {
                NativeFree(context);
                context = IntPtr.Zero;
            }
        }
    }

    [LibraryImport(Library, EntryPoint = "nft_ctx_new")]
    private static partial IntPtr NativeNew(uint flags);

    [LibraryImport(Library, EntryPoint = "nft_ctx_free")]
    private static partial void NativeFree(IntPtr context);

    [LibraryImport(Library, EntryPoint = "nft_ctx_output_set_flags")]
    private static partial void NativeOutputSetFlags(IntPtr context, uint flags);

    [LibraryImport(Library, EntryPoint = "nft_ctx_buffer_output")]
    private static partial int NativeBufferOutput(IntPtr context);

    [LibraryImport(Library, EntryPoint = "nft_ctx_buffer_error")]
    private static partial int NativeBufferError(IntPtr context);

    [LibraryImport(Library, EntryPoint = "nft_ctx_get_output_buffer")]
    private static partial IntPtr NativeGetOutputBuffer(IntPtr context);

    [LibraryImport(Library, EntryPoint = "nft_ctx_get_error_buffer")]
    private static partial IntPtr NativeGetErrorBuffer(IntPtr context);

    [LibraryImport(Library, EntryPoint = "nft_run_cmd_from_buffer", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeRunFromBuffer(IntPtr context, string buffer);
}
