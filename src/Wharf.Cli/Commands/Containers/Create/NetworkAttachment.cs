namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>One <c>--network</c> value: a name, or the long form <c>name=n,alias=a,ip=…</c> (docker's NetworkAttachmentOpts).</summary>
public sealed record NetworkAttachment
{
    public string Target { get; init; } = "";

    public List<string> Aliases { get; init; } = [];

    public List<string> Links { get; init; } = [];

    public string IPv4Address { get; init; } = "";

    public string IPv6Address { get; init; } = "";

    public string MacAddress { get; init; } = "";

    public List<string> LinkLocalIps { get; init; } = [];

    public Dictionary<string, string>? DriverOptions { get; set; }

    public int GatewayPriority { get; init; }

    /// <summary>docker's NetworkMode.IsUserDefined: anything but default, bridge, host, none and container:….</summary>
    public static bool IsUserDefined(string mode) =>
        mode is not ("default" or "bridge" or "host" or "none") && !mode.StartsWith("container:", StringComparison.Ordinal);
}
