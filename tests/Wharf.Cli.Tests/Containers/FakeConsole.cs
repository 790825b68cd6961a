using System.Text;
using Wharf.Cli.Commands.Containers.Streams;

namespace Wharf.Cli.Tests.Containers;

/// <summary>A console for tests: stdin from bytes, stdout/stderr captured, terminal flags and size as the test says.</summary>
internal sealed class FakeConsole : IContainerConsole
{
    private readonly Stream _input;
    private readonly List<Action<string>> _signalHandlers = [];
    private readonly List<Action> _resizeHandlers = [];

    public FakeConsole(byte[]? input = null, bool inputTerminal = false, bool outputTerminal = false, (int, int) size = default, Stream? inputStream = null)
    {
        _input = inputStream ?? new MemoryStream(input ?? []);
        IsInputTerminal = inputTerminal;
        IsOutputTerminal = outputTerminal;
        OutputSize = size;
    }

    public bool IsInputTerminal { get; }

    public bool IsOutputTerminal { get; }

    public MemoryStream CapturedOutput { get; } = new();

    public MemoryStream CapturedError { get; } = new();

    public Stream Output => CapturedOutput;

    public Stream Error => CapturedError;

    public (int Height, int Width) OutputSize { get; set; }

    public int RawModeEntered { get; private set; }

    public int RawModeRestored { get; private set; }

    public string OutputText => Encoding.UTF8.GetString(CapturedOutput.ToArray());

    public string ErrorText => Encoding.UTF8.GetString(CapturedError.ToArray());

    public Stream OpenInput() => _input;

    public IDisposable MakeInputRaw()
    {
        RawModeEntered++;
        return new Callback(() => RawModeRestored++);
    }

    public IDisposable OnResize(Action resized)
    {
        _resizeHandlers.Add(resized);
        return new Callback(() => _resizeHandlers.Remove(resized));
    }

    /// <summary>A signal that "arrives" as soon as a command starts catching signals.</summary>
    public string? SignalWhenCaught { get; init; }

    public bool SignalsCaught { get; private set; }

    public IDisposable CatchSignals(Action<string> forward)
    {
        SignalsCaught = true;
        _signalHandlers.Add(forward);
        if (SignalWhenCaught is { } signal)
        {
            forward(signal);
        }

        return new Callback(() => _signalHandlers.Remove(forward));
    }

    /// <summary>Delivers a signal as the process would get it.</summary>
    public bool Signal(string name)
    {
        foreach (var handler in _signalHandlers.ToList())
        {
            handler(name);
        }

        return _signalHandlers.Count > 0;
    }

    public void Resize((int, int) size)
    {
        OutputSize = size;
        foreach (var handler in _resizeHandlers.ToList())
        {
            handler();
        }
    }

    private sealed class Callback(Action action) : IDisposable
    {
        private Action? _action = action;

        public void Dispose() => Interlocked.Exchange(ref _action, null)?.Invoke();
    }
}
