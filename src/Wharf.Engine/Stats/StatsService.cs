using System.Runtime.CompilerServices;
using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Stats;

/// <summary>
/// dockerd's ContainerStats: a sample per second with the previous sample's CPU figures as precpu; without streaming,
/// two samples are taken and the second is sent so that its CPU percentage means something (one-shot sends the
/// first at once). A container that does not run gives samples with only its name and ID.
/// </summary>
public sealed class StatsService : IStatsService
{
    /// <summary>dockerd's collector interval.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Go's zero time, which dockerd's read/preread show when there is no sample.</summary>
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    private readonly IContainerLookup _containers;
    private readonly IStatsSampler _sampler;
    private readonly TimeProvider _time;

    public StatsService(IContainerLookup containers, IStatsSampler sampler, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(time);
        _containers = containers;
        _sampler = sampler;
        _time = time;
    }

    public IAsyncEnumerable<ContainerStats> Open(string containerNameOrId, bool stream, bool oneShot)
    {
        var container = _containers.Get(containerNameOrId);
        if (stream && oneShot)
        {
            throw EngineException.InvalidParameter("cannot have stream=true and one-shot=true");
        }

        return SamplesAsync(container, stream, oneShot, CancellationToken.None);
    }

    private async IAsyncEnumerable<ContainerStats> SamplesAsync(ContainerView container, bool stream, bool oneShot, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!stream && (!container.State.Running || container.State.Restarting))
        {
            yield return Empty(container);
            yield break;
        }

        if (oneShot)
        {
            yield return TakeSample(container) with { Name = container.Name, Id = container.Id, Preread = ZeroTime, PrecpuStats = new CpuStats() };
            yield break;
        }

        var previousCpu = new CpuStats();
        var previousRead = ZeroTime;
        var primed = stream;
        while (true)
        {
            ContainerView current;
            try
            {
                current = _containers.Get(container.Id);
            }
            catch (EngineException ex) when (ex.Kind == ErrorKind.NotFound)
            {
                yield break;
            }

            var sample = TakeSample(current) with { Name = current.Name, Id = current.Id, PrecpuStats = previousCpu, Preread = previousRead };
            previousCpu = sample.CpuStats;
            previousRead = sample.Read;
            if (primed)
            {
                yield return sample;
                if (!stream)
                {
                    yield break;
                }
            }

            primed = true;
            await Task.Delay(Interval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A sample of a running container, or the empty one dockerd's collector publishes when it does not run (or stopped meanwhile).</summary>
    private ContainerStats TakeSample(ContainerView container)
    {
        if (container.State.Running && _containers.GetTask(container.Id) is { } task)
        {
            try
            {
                return _sampler.Sample(container, task.Pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // Stopped between the check and the read: the cgroup is gone.
            }
        }

        return Empty(container);
    }

    private static ContainerStats Empty(ContainerView container) => new()
    {
        Name = container.Name,
        Id = container.Id,
        Read = ZeroTime,
        Preread = ZeroTime,
    };
}
