using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Stats;

namespace Wharf.Daemon.Tests.Streams;

/// <summary>Samples with a growing CPU counter and a fixed memory usage.</summary>
internal sealed class FixedSampler : IStatsSampler, ITopService
{
    private ulong _cpu;

    public ContainerStats Sample(ContainerView container, int pid) => new()
    {
        Read = "2026-01-01T00:00:00Z",
        CpuStats = new CpuStats { CpuUsage = new CpuUsage { TotalUsage = ++_cpu }, SystemCpuUsage = 1000, OnlineCpus = 2 },
        MemoryStats = new MemoryStats { Usage = 4096, Limit = 8192 },
    };

    public Task<ContainerTopResponse> TopAsync(string containerNameOrId, string? psArgs, CancellationToken cancellationToken) =>
        System.Threading.Tasks.Task.FromResult(new ContainerTopResponse { Titles = ["PID", "CMD"], Processes = [["1", psArgs ?? "-ef"]] });
}
