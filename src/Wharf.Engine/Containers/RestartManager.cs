using Wharf.Api;

namespace Wharf.Engine.Containers;

/// <summary>
/// moby's restart manager for one container: decides whether an exit is followed by a restart, with a back-off
/// that starts at 100 ms, doubles on each quick exit up to a minute, and starts over after a run of 10 s or more.
/// <see cref="Cancel"/> (a stop or kill by the user) makes it answer "no" until the container is started by hand.
/// </summary>
internal sealed class RestartManager
{
    private static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaximumDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private RestartPolicy _policy;
    private TimeSpan _delay;
    private bool _cancelled;

    public RestartManager(RestartPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    public bool IsCancelled
    {
        get
        {
            lock (_gate)
            {
                return _cancelled;
            }
        }
    }

    public static bool IsNone(RestartPolicy policy) => policy is null || policy.Name is "" or "no";

    /// <summary>
    /// Whether to restart after an exit, and after how long. <paramref name="restartCount"/> is the container's
    /// count so far (on-failure's limit); <paramref name="manuallyStopped"/> is dockerd's HasBeenManuallyStopped
    /// (or the daemon shutting down), which only unless-stopped honours.
    /// </summary>
    public (bool Restart, TimeSpan Delay) ShouldRestart(int exitCode, bool manuallyStopped, TimeSpan ranFor, int restartCount)
    {
        lock (_gate)
        {
            if (IsNone(_policy) || _cancelled)
            {
                return (false, TimeSpan.Zero);
            }

            if (ranFor >= ResetAfter)
            {
                _delay = TimeSpan.Zero;
            }

            if (_delay == TimeSpan.Zero)
            {
                _delay = InitialDelay;
            }
            else if (_delay < MaximumDelay)
            {
                _delay *= 2;
            }

            if (_delay > MaximumDelay)
            {
                _delay = MaximumDelay;
            }

            var restart = _policy.Name switch
            {
                "always" => true,
                "unless-stopped" => !manuallyStopped,
                "on-failure" => (_policy.MaximumRetryCount == 0 || restartCount < _policy.MaximumRetryCount) && exitCode != 0,
                _ => false,
            };
            return (restart, _delay);
        }
    }

    /// <summary>No more restarts for this run (moby's ExitOnNext).</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _cancelled = true;
        }
    }

    /// <summary><c>docker update --restart</c>: takes effect at the next exit.</summary>
    public void Update(RestartPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        lock (_gate)
        {
            _policy = policy;
        }
    }
}
