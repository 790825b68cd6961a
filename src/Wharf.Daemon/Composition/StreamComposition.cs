using Wharf.Daemon.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Events;
using Wharf.Engine.Exec;
using Wharf.Engine.Health;
using Wharf.Engine.Runtime;
using Wharf.Engine.Stats;

namespace Wharf.Daemon.Composition;

/// <summary>
/// The stream services (execs, health checks, stats, top, logs) built over the container service, which tells them
/// about starts, stops and removals and reads health and exec IDs from them. Build before the containers are restored.
/// </summary>
internal sealed class StreamComposition : IDisposable
{
    private readonly ExecService _execs;
    private readonly HealthMonitor _health;

    private StreamComposition(ExecService execs, HealthMonitor health, ContainerStreamServices services)
    {
        _execs = execs;
        _health = health;
        Services = services;
    }

    public ContainerStreamServices Services { get; }

    public static StreamComposition Create(ContainerService containers, IContainerRuntime runtime, IContainerSpecBuilder specs, IEventPublisher events, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(containers);
        var execs = new ExecService(containers, specs, events, time);
        var health = new HealthMonitor(containers, execs, events, time);
        containers.AddObserver(execs);
        containers.AddObserver(health);
        containers.UseExecSource(execs);
        containers.UseHealthSource(health);
        var stats = new StatsService(containers, StatsSampler.ForHost(time), time);
        var services = new ContainerStreamServices(containers, new JsonFileLogReader(), execs, stats, new TopService(containers, runtime, events), events);
        return new StreamComposition(execs, health, services);
    }

    public void Dispose()
    {
        _health.Dispose();
        _execs.Dispose();
    }
}
