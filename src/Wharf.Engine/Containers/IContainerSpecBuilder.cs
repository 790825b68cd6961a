using Wharf.Api;

namespace Wharf.Engine.Containers;

/// <summary>Turns Docker's Config/HostConfig into what runc takes, with Docker's defaults and validation messages.</summary>
public interface IContainerSpecBuilder
{
    /// <summary>
    /// Checks a create request the way dockerd does (bad memory/cpu values, unknown capabilities, bad restart
    /// policy, bad security opts, ulimits, sysctls, devices, tmpfs…) and returns dockerd's warnings; throws
    /// EngineException (InvalidParameter) with dockerd's message on an invalid value.
    /// </summary>
    IReadOnlyList<string> Validate(ContainerConfig config, HostConfig hostConfig);

    /// <summary>The OCI runtime spec (<c>config.json</c>, UTF-8 JSON) to start the container with.</summary>
    byte[] BuildSpec(ContainerSpecContext context);

    /// <summary>An OCI <c>process</c> object (JSON) for <c>runc exec --process</c>, inheriting the container's env, user, cwd and security settings.</summary>
    string BuildExecProcess(ContainerSpecContext context, ExecCreateRequest exec);

    /// <summary>An OCI <c>linux.resources</c> object (JSON) for <c>runc update -r</c>.</summary>
    string BuildResources(ContainerResources resources);
}
