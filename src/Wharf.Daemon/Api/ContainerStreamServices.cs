using Wharf.Engine.Containers;
using Wharf.Engine.Events;
using Wharf.Engine.Exec;
using Wharf.Engine.Runtime;
using Wharf.Engine.Stats;

namespace Wharf.Daemon.Api;

/// <summary>What the attach, logs, exec, stats and top routes need from the engine.</summary>
internal sealed record ContainerStreamServices(
    IContainerLookup Containers,
    IContainerLogReader Logs,
    IExecService Execs,
    IStatsService Stats,
    ITopService Top,
    IEventPublisher Events);
