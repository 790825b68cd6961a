namespace Wharf.Shim;

/// <summary>The exit of one child as the reaper saw it; waited on by plain blocking threads (the shim has no thread pool to spare).</summary>
internal sealed class ChildExit
{
    private readonly ManualResetEventSlim _set = new(false);
    private int _code;

    public bool HasExited => _set.IsSet;

    public void Set(int code)
    {
        _code = code;
        _set.Set();
    }

    /// <summary>Blocks until the child exited; its exit code (128 + signal when killed).</summary>
    public int Wait()
    {
        _set.Wait();
        return _code;
    }
}
