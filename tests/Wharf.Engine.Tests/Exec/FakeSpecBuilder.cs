using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Exec;

/// <summary>Builds a recognisable process JSON and refuses the user "nobody-here", as the real builder refuses unknown users.</summary>
public sealed class FakeSpecBuilder : IContainerSpecBuilder
{
    public List<ExecCreateRequest> Built { get; } = [];

    public IReadOnlyList<string> Validate(ContainerConfig config, HostConfig hostConfig) => [];

    public byte[] BuildSpec(ContainerSpecContext context) => [];

    public string BuildExecProcess(ContainerSpecContext context, ExecCreateRequest exec)
    {
        if (exec.User == "nobody-here")
        {
            throw EngineException.InvalidParameter("unable to find user nobody-here: no matching entries in passwd file");
        }

        Built.Add(exec);
        return "{\"args\":[" + string.Join(',', (exec.Cmd ?? []).Select(arg => "\"" + arg + "\"")) + "],\"cwd\":\"" + exec.WorkingDir + "\"}";
    }

    public string BuildResources(ContainerResources resources) => "{}";
}
