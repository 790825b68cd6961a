using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.Api;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>
/// The per-value checks docker/cli's option types run while flags are parsed (opts.ValidateEnv, ValidateLabel,
/// ValidateExtraHost…). Each throws <see cref="FormatException"/> with docker's wording; some also normalise the value,
/// which is what docker then sends.
/// </summary>
public static partial class ValueRules
{
    private const string WhiteSpaces = " \t";

    private static readonly HashSet<string> AllowedSysctls = new(StringComparer.Ordinal)
    {
        "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced",
    };

    private static readonly HashSet<string> UlimitNames = new(StringComparer.Ordinal)
    {
        "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack",
    };

    /// <summary>Wraps a check as a flag validator (null when the value is fine).</summary>
    public static Func<string, string?> Validator(Action<string> check) => value =>
    {
        try
        {
            check(value);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    };

    /// <summary>opts.ValidateEnv: <c>NAME</c> alone takes the CLI's own value when it has one.</summary>
    public static string Env(string value, Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(lookup);
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var key = equals >= 0 ? value[..equals] : value;
        if (key.Length == 0)
        {
            throw new FormatException("invalid environment variable: " + value);
        }

        if (equals >= 0)
        {
            return value;
        }

        return lookup(key) is { } found ? key + "=" + found : value;
    }

    /// <summary>opts.ValidateLabel.</summary>
    public static void Label(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var key = value.Split('=', 2)[0].TrimStart(' ', '\t');
        if (key.Length == 0)
        {
            throw new FormatException($"invalid label '{value}': empty name");
        }

        if (key.AsSpan().IndexOfAny(WhiteSpaces) >= 0)
        {
            throw new FormatException($"label '{key}' contains whitespaces");
        }
    }

    /// <summary>opts.ValidateExtraHost: <c>host=ip</c> and <c>host:[ip]</c> become the daemon's <c>host:ip</c>.</summary>
    public static string ExtraHost(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var separator = value.IndexOf('=', StringComparison.Ordinal);
        if (separator < 0)
        {
            separator = value.IndexOf(':', StringComparison.Ordinal);
        }

        var key = separator >= 0 ? value[..separator] : value;
        if (separator < 0 || key.Length == 0 || key.Contains(':', StringComparison.Ordinal))
        {
            throw new FormatException($"bad format for add-host: {GoParse.Quote(value)}");
        }

        var address = value[(separator + 1)..];
        if (address != "host-gateway")
        {
            if (address.Length > 2 && address[0] == '[' && address[^1] == ']')
            {
                address = address[1..^1];
            }

            if (!GoIp.TryParse(address.Trim(), out _))
            {
                throw new FormatException($"invalid IP address in add-host: {GoParse.Quote(address)}");
            }
        }

        return key + ":" + address;
    }

    /// <summary>opts.ValidateIPAddress: the canonical form of the address.</summary>
    public static string IpAddress(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return GoIp.TryParse(value.Trim(), out var address)
            ? GoIp.Format(address)
            : throw new FormatException("IP address is not correctly formatted: " + value);
    }

    /// <summary>opts.ValidateDNSSearch.</summary>
    public static string DnsSearch(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim(' ');
        if (trimmed == ".")
        {
            return trimmed;
        }

        if (trimmed.Length == 0 || !char.IsAsciiLetter(trimmed[0]))
        {
            throw new FormatException($"{trimmed} is not a valid domain");
        }

        var match = DomainPattern().Match(trimmed);
        if (match.Success && match.Groups[1].Length < 255)
        {
            return match.Groups[1].Value;
        }

        throw new FormatException($"{trimmed} is not a valid domain");
    }

    /// <summary>opts.ValidateSysctl: only namespaced sysctls.</summary>
    public static void Sysctl(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split('=');
        if (parts.Length >= 2 && (AllowedSysctls.Contains(parts[0]) || parts[0].StartsWith("net.", StringComparison.Ordinal) || parts[0].StartsWith("fs.mqueue.", StringComparison.Ordinal)))
        {
            return;
        }

        throw new FormatException($"sysctl '{value}' is not allowed");
    }

    /// <summary>validateDeviceCgroupRule: <c>type major:minor mode</c>.</summary>
    public static void DeviceCgroupRule(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!DeviceCgroupRulePattern().IsMatch(value))
        {
            throw new FormatException($"invalid device cgroup format '{value}'");
        }
    }

    /// <summary>validateAttach: stdin, stdout or stderr, any case; lower-cased.</summary>
    public static string Attach(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var lower = value.ToLowerInvariant();
        return lower is "stdin" or "stdout" or "stderr" ? lower : throw new FormatException("valid streams are STDIN, STDOUT and STDERR");
    }

    /// <summary>opts.ValidateLink.</summary>
    public static void Link(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw new FormatException("empty string specified for links");
        }

        if (value.Split(':', 3).Length > 2)
        {
            throw new FormatException("bad format for links: " + value);
        }
    }

    /// <summary>opts.ValidateWeightDevice.</summary>
    public static WeightDevice WeightDevice(string value)
    {
        var (path, rest) = DevicePath(value);
        if (!GoParse.TryParseDecimalUint(rest, 16, out var weight) || (weight > 0 && weight is < 10 or > 1000))
        {
            throw new FormatException("invalid weight for device: " + value);
        }

        return new WeightDevice { Path = path, Weight = (int)weight };
    }

    /// <summary>opts.ValidateThrottleBpsDevice: the rate takes RAM units ("1mb").</summary>
    public static ThrottleDevice ThrottleBps(string value)
    {
        var (path, rest) = DevicePath(value);
        long rate;
        try
        {
            rate = ByteSize.ParseRam(rest);
        }
        catch (FormatException)
        {
            rate = -1;
        }

        if (rate < 0)
        {
            throw new FormatException($"invalid rate for device: {value}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb");
        }

        return new ThrottleDevice { Path = path, Rate = rate };
    }

    /// <summary>opts.ValidateThrottleIOpsDevice.</summary>
    public static ThrottleDevice ThrottleIops(string value)
    {
        var (path, rest) = DevicePath(value);
        if (!GoParse.TryParseDecimalUint(rest, 64, out var rate))
        {
            throw new FormatException($"invalid rate for device: {value}. The correct format is <device-path>:<number>. Number must be a positive integer");
        }

        return new ThrottleDevice { Path = path, Rate = (long)rate };
    }

    /// <summary>go-units ParseUlimit: <c>name=soft[:hard]</c>.</summary>
    public static Ulimit Ulimit(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split('=', 2);
        if (parts.Length != 2)
        {
            throw new FormatException("invalid ulimit argument: " + value);
        }

        if (!UlimitNames.Contains(parts[0]))
        {
            throw new FormatException("invalid ulimit type: " + parts[0]);
        }

        var limits = parts[1].Split(':');
        if (limits.Length > 2)
        {
            throw new FormatException($"too many limit value arguments - {parts[1]}, can only have up to two, `soft[:hard]`");
        }

        var hard = limits.Length == 2 ? ParseDecimalInt(limits[1]) : (long?)null;
        var soft = ParseDecimalInt(limits[0]);
        hard ??= soft;
        if (hard != -1 && soft > hard)
        {
            throw new FormatException($"ulimit soft limit must be less than or equal to hard limit: {soft} > {hard}");
        }

        return new Ulimit { Name = parts[0], Soft = soft, Hard = hard.Value };
    }

    /// <summary>strconv.ParseInt(text, 10, 64).</summary>
    private static long ParseDecimalInt(string text)
    {
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            throw new FormatException($"strconv.ParseInt: parsing {GoParse.Quote(text)}: invalid syntax");
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"strconv.ParseInt: parsing {GoParse.Quote(text)}: value out of range");
    }

    private static (string Path, string Remainder) DevicePath(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException("bad format: " + value);
        }

        var path = value[..colon];
        if (!path.StartsWith("/dev/", StringComparison.Ordinal))
        {
            throw new FormatException("bad format for device path: " + value);
        }

        return (path, value[(colon + 1)..]);
    }

    [GeneratedRegex(@"^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$")]
    private static partial Regex DeviceCgroupRulePattern();

    [GeneratedRegex(@"^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9]))(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9])))*)\.?\s*$")]
    private static partial Regex DomainPattern();
}
