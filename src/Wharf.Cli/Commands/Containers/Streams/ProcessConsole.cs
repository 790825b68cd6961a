using System.Runtime.InteropServices;
using Wharf.Linux;

namespace Wharf.Cli.Commands.Containers.Streams;

/// <summary>The real stdin/stdout/stderr of the wharf process.</summary>
public sealed class ProcessConsole : IContainerConsole
{
    public static readonly ProcessConsole Instance = new();

    /// <summary>The signals docker forwards, by Linux number (x86-64 and arm64 share them).</summary>
    private static readonly (int Number, string Name)[] ForwardedSignals =
    [
        (1, "HUP"), (2, "INT"), (3, "QUIT"), (10, "USR1"), (12, "USR2"), (14, "ALRM"), (15, "TERM"),
        (18, "CONT"), (20, "TSTP"), (21, "TTIN"), (22, "TTOU"), (28, "WINCH"),
    ];

    private ProcessConsole()
    {
    }

    public bool IsInputTerminal => Terminal.IsTerminal(0);

    public bool IsOutputTerminal => Terminal.IsTerminal(1);

    public Stream Output => StandardStreams.Output;

    public Stream Error => StandardStreams.Error;

    public (int Height, int Width) OutputSize => Terminal.GetWindowSize(1);

    /// <summary>Raw bytes from fd 0: .NET's console stream line-edits a terminal, which would swallow keystrokes.</summary>
    public Stream OpenInput() => StandardStreams.Input;

    public IDisposable MakeInputRaw()
    {
        // moby/term honours NORAW to keep the terminal cooked.
        if (!IsInputTerminal || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NORAW")))
        {
            return new Restorer(null);
        }

        var saved = Terminal.MakeRaw(0);
        return new Restorer(() => Terminal.Restore(0, saved));
    }

    public IDisposable OnResize(Action resized)
    {
        ArgumentNullException.ThrowIfNull(resized);
        return OperatingSystem.IsWindows() ? new Restorer(null) : PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => resized());
    }

    public IDisposable CatchSignals(Action<string> forward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        var registrations = new List<IDisposable>();
        foreach (var (number, name) in ForwardedSignals)
        {
            registrations.Add(PosixSignalRegistration.Create((PosixSignal)number, context =>
            {
                context.Cancel = true;
                forward(name);
            }));
        }

        return new Restorer(() => registrations.ForEach(r => r.Dispose()));
    }

    /// <summary>Runs its action once, on the first dispose.</summary>
    private sealed class Restorer(Action? restore) : IDisposable
    {
        private Action? _restore = restore;

        public void Dispose() => Interlocked.Exchange(ref _restore, null)?.Invoke();
    }
}
