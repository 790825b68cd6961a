namespace Wharf.Shim;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("wharf-shim: not implemented yet");
        return args.Length == 0 ? 2 : 1;
    }
}
