using Wharf.Linux;
using Wharf.Shim.Protocol;

namespace Wharf.Shim;

internal static class Program
{
    public static int Main(string[] args)
    {
        ShimArguments options;
        try
        {
            options = ShimArguments.Parse(args);
        }
        catch (FormatException exception)
        {
            FileDescriptor.WriteAll(2, System.Text.Encoding.UTF8.GetBytes($"wharf-shim: {exception.Message}\n"));
            return 2;
        }

        return new ShimHost(options).Run();
    }
}
