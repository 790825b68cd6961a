using System.Diagnostics;
using System.Globalization;
using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;
using Wharf.Engine.Events;
using Wharf.Engine.Exec;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Stats;

/// <summary>
/// dockerd's ContainerTop: the container's PIDs from the runtime, the host's <c>ps</c> run once with the given arguments
/// (and <c>-q</c> with those PIDs, retried without when ps refuses the combination), the rows of those PIDs kept.
/// </summary>
public sealed class TopService : ITopService
{
    private readonly IContainerLookup _containers;
    private readonly IContainerRuntime _runtime;
    private readonly IEventPublisher _events;
    private readonly string _ps;

    public TopService(IContainerLookup containers, IContainerRuntime runtime, IEventPublisher events, string ps = "ps")
    {
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(events);
        _containers = containers;
        _runtime = runtime;
        _events = events;
        _ps = ps;
    }

    public async Task<ContainerTopResponse> TopAsync(string containerNameOrId, string? psArgs, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(psArgs))
        {
            psArgs = "-ef";
        }

        PsOutput.Validate(psArgs);
        var container = _containers.Get(containerNameOrId);
        if (!container.State.Running)
        {
            throw EngineException.Conflict($"Container {container.Id} is not running");
        }

        if (container.State.Restarting)
        {
            throw EngineException.Conflict($"Container {container.Id} is restarting, wait until the container is running");
        }

        var pids = await _runtime.ListPidsAsync(container.Id, cancellationToken).ConfigureAwait(false);
        var args = psArgs.Split(' ');
        var quick = "-q" + string.Join(',', pids.Select(pid => pid.ToString(CultureInfo.InvariantCulture)));
        var (exitCode, output, error) = await RunAsync([.. args, quick], cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            // Some options (f, for one) cannot be combined with q.
            (exitCode, output, error) = await RunAsync(args, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                var firstLine = error.Split('\n')[0];
                throw new EngineException(ErrorKind.Internal, "ps: " + (firstLine.Length > 0 ? firstLine : $"exit status {exitCode}"));
            }
        }

        var top = PsOutput.Parse(output, pids.ToHashSet());
        _events.Publish("container", "top", container.Id, ContainerEventAttributes.For(container));
        return top;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_ps)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new EngineException(ErrorKind.Internal, "ps: could not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
