namespace Wharf.Api;

/// <summary>A host device given to a container (<c>--device</c>).</summary>
public sealed record DeviceMapping
{
    public string PathOnHost { get; init; } = "";

    public string PathInContainer { get; init; } = "";

    public string CgroupPermissions { get; init; } = "";
}
