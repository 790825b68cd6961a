using System.Globalization;
using System.Text.RegularExpressions;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>docker's NetworkOpt.Set: <c>--network NAME</c> or the long, comma-separated key=value form.</summary>
public static partial class NetworkOption
{
    public static NetworkAttachment Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!LongSyntax().IsMatch(value))
        {
            return new NetworkAttachment { Target = value };
        }

        var target = "";
        var aliases = new List<string>();
        var linkLocal = new List<string>();
        string ipv4 = "";
        string ipv6 = "";
        string mac = "";
        var priority = 0;
        Dictionary<string, string>? driverOptions = null;
        foreach (var field in CsvFields.Split(value))
        {
            var lower = field.ToLowerInvariant();
            var equals = lower.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException("invalid field " + field);
            }

            var key = lower[..equals].Trim();
            var val = lower[(equals + 1)..];
            switch (key)
            {
                case "name":
                    target = val;
                    break;
                case "alias":
                    aliases.Add(val);
                    break;
                case "ip":
                    ipv4 = val;
                    break;
                case "ip6":
                    ipv6 = val;
                    break;
                case "mac-address":
                    mac = val;
                    break;
                case "link-local-ip":
                    linkLocal.Add(val);
                    break;
                case "driver-opt":
                    var optionEquals = val.IndexOf('=', StringComparison.Ordinal);
                    if (optionEquals < 0)
                    {
                        throw new FormatException("invalid key value pair format in driver options");
                    }

                    driverOptions ??= [];
                    driverOptions[val[..optionEquals].Trim()] = val[(optionEquals + 1)..].Trim();
                    break;
                case "gw-priority":
                    priority = int.TryParse(val, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                        ? parsed
                        : throw new FormatException("invalid gw-priority: " + val);
                    break;
                default:
                    throw new FormatException("invalid field key " + key);
            }
        }

        if (target.Length == 0)
        {
            throw new FormatException("network name/id is not specified");
        }

        return new NetworkAttachment
        {
            Target = target,
            Aliases = aliases,
            IPv4Address = ipv4,
            IPv6Address = ipv6,
            MacAddress = mac,
            LinkLocalIps = linkLocal,
            DriverOptions = driverOptions,
            GatewayPriority = priority,
        };
    }

    public static string? Validate(string value)
    {
        try
        {
            Parse(value);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    [GeneratedRegex(@"\w+=\w+(,\w+=\w+)*")]
    private static partial Regex LongSyntax();
}
