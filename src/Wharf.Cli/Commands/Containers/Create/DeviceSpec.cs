using Wharf.Api;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>docker/cli's validateDevice/parseLinuxDevice: <c>--device /dev/sda[:/dev/xvda][:rwm]</c>.</summary>
public static class DeviceSpec
{
    public static DeviceMapping Parse(string device)
    {
        ArgumentNullException.ThrowIfNull(device);
        Validate(device);
        var permissions = "rwm";
        var destination = "";
        var parts = device.Split(':', 4);
        switch (parts.Length)
        {
            case 3:
                permissions = parts[2];
                destination = parts[1];
                break;
            case 2:
                if (IsValidMode(parts[1]))
                {
                    permissions = parts[1];
                }
                else
                {
                    destination = parts[1];
                }

                break;
            case 1:
                break;
            default:
                throw new FormatException("invalid device specification: " + device);
        }

        var source = parts[0];
        return new DeviceMapping
        {
            PathOnHost = source,
            PathInContainer = destination.Length == 0 ? source : destination,
            CgroupPermissions = permissions,
        };
    }

    /// <summary>validateLinuxPath: <c>[host-dir:]container-path[:mode]</c> with an absolute container path.</summary>
    private static void Validate(string value)
    {
        if (value.Count(c => c == ':') > 2)
        {
            throw new FormatException("bad format for path: " + value);
        }

        var split = value.Split(':', 3);
        if (split[0].Length == 0)
        {
            throw new FormatException("bad format for path: " + value);
        }

        var containerPath = split.Length switch
        {
            1 => split[0],
            2 => IsValidMode(split[1]) ? split[0] : split[1],
            _ => split[1],
        };
        if (split.Length == 3 && !IsValidMode(split[2]))
        {
            throw new FormatException("bad mode specified: " + split[2]);
        }

        if (!containerPath.StartsWith('/'))
        {
            throw new FormatException(containerPath + " is not an absolute path");
        }
    }

    /// <summary>validDeviceMode: a non-empty combination of r, w and m, each at most once.</summary>
    private static bool IsValidMode(string mode) =>
        mode.Length > 0 && mode.All(c => c is 'r' or 'w' or 'm') && mode.Distinct().Count() == mode.Length;
}
