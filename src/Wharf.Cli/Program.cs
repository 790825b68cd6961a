using System.Runtime.InteropServices;
using Wharf.Cli.Framework;

namespace Wharf.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();

        // A signal registration rather than Console.CancelKeyPress, and descriptor streams rather than Console's: .NET's
        // console writes keypad-mode escapes to a terminal when it initialises, which docker never does.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            // The first Ctrl-C asks the command to stop (events, logs -f); a second one kills the process.
            if (!cancellation.IsCancellationRequested)
            {
                context.Cancel = true;
                cancellation.Cancel();
            }
        });

        var output = new StreamWriter(Wharf.Linux.StandardStreams.Output) { AutoFlush = true };
        var error = new StreamWriter(Wharf.Linux.StandardStreams.Error) { AutoFlush = true };
        await using (output.ConfigureAwait(false))
        await using (error.ConfigureAwait(false))
        {
            var app = new CliApplication(output, error, CliEnvironment.FromProcess(), TimeProvider.System)
            {
                TerminalWidth = TerminalWidth(),
            };
            return await app.RunAsync(args, cancellation.Token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// docker measures the terminal on stdin and assumes 80 columns without one. Asked with TIOCGWINSZ, not
    /// Console.WindowWidth: that initialises .NET's terminal handling, which writes keypad-mode escapes to the
    /// terminal and would leave a container's shell receiving application-mode arrow keys.
    /// </summary>
    private static int TerminalWidth()
    {
        var (_, columns) = Wharf.Linux.Terminal.GetWindowSize(0);
        return columns > 0 ? columns : 80;
    }
}
