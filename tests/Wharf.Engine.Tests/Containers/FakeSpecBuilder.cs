using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers;

/// <summary>A spec builder that checks nothing but a marker and writes an empty spec.</summary>
public sealed class FakeSpecBuilder : IContainerSpecBuilder
{
    public List<ContainerSpecContext> Contexts { get; } = [];

    public IReadOnlyList<string> Validate(ContainerConfig config, HostConfig hostConfig)
    {
        ArgumentNullException.ThrowIfNull(hostConfig);
        if (hostConfig.CpuShares < 0)
        {
            throw EngineException.InvalidParameter("invalid CPU shares");
        }

        return hostConfig.Memory is > 0 and < 6 * 1024 * 1024 ? ["memory is small"] : [];
    }

    public byte[] BuildSpec(ContainerSpecContext context)
    {
        lock (Contexts)
        {
            Contexts.Add(context);
        }

        return "{}"u8.ToArray();
    }

    public string BuildExecProcess(ContainerSpecContext context, ExecCreateRequest exec) => "{}";

    public string BuildResources(ContainerResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return "{\"memory\":{\"limit\":" + resources.Memory + "}}";
    }
}
