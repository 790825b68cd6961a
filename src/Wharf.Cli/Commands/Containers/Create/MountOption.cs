using System.Text.Json;
using Wharf.Api;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>docker/cli's MountOpt.Set: one <c>--mount</c> value (<c>type=bind,src=/a,dst=/b,ro</c>) into a HostConfig mount.</summary>
public static class MountOption
{
    public static MountSpec Parse(string value, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = "volume";
        string source = "";
        string target = "";
        var readOnly = false;
        string? consistency = null;
        string? propagation = null;
        bool? nonRecursive = null;
        bool? noCopy = null;
        Dictionary<string, string>? labels = null;
        string? driver = null;
        Dictionary<string, string>? driverOptions = null;
        long? tmpfsSize = null;
        long? tmpfsMode = null;
        var volumeOptions = false;
        var bindOptions = false;
        var tmpfsOptions = false;

        foreach (var field in CsvFields.Split(value))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                switch (field)
                {
                    case "readonly" or "ro":
                        readOnly = true;
                        continue;
                    case "volume-nocopy":
                        volumeOptions = true;
                        noCopy = true;
                        continue;
                    case "bind-nonrecursive":
                        bindOptions = true;
                        nonRecursive = true;
                        continue;
                    default:
                        throw new FormatException($"invalid field '{field}' must be a key=value pair");
                }
            }

            var key = field[..equals];
            var val = field[(equals + 1)..];
            switch (key)
            {
                case "type":
                    type = val.ToLowerInvariant();
                    break;
                case "source" or "src":
                    source = val == "." || val.StartsWith("./", StringComparison.Ordinal) ? Path.GetFullPath(val, workingDirectory) : val;
                    break;
                case "target" or "dst" or "destination":
                    target = val;
                    break;
                case "readonly" or "ro":
                    readOnly = ParseBool(key, val);
                    break;
                case "consistency":
                    consistency = val.ToLowerInvariant();
                    break;
                case "bind-propagation":
                    bindOptions = true;
                    propagation = val.ToLowerInvariant();
                    break;
                case "bind-nonrecursive":
                    bindOptions = true;
                    nonRecursive = ParseBool(key, val);
                    break;
                case "volume-nocopy":
                    volumeOptions = true;
                    noCopy = ParseBool("volume-nocopy", val, "invalid value for volume-nocopy: " + val);
                    break;
                case "volume-label":
                    volumeOptions = true;
                    labels ??= [];
                    SetOnMap(labels, val);
                    break;
                case "volume-driver":
                    volumeOptions = true;
                    driver = val;
                    break;
                case "volume-opt":
                    volumeOptions = true;
                    driverOptions ??= [];
                    SetOnMap(driverOptions, val);
                    break;
                case "tmpfs-size":
                    tmpfsOptions = true;
                    tmpfsSize = ParseOrInvalid(key, val, () => ByteSize.ParseRam(val));
                    break;
                case "tmpfs-mode":
                    tmpfsOptions = true;
                    tmpfsMode = ParseOrInvalid(key, val, () => ParseOctal(val));
                    break;
                default:
                    throw new FormatException($"unexpected key '{key}' in '{field}'");
            }
        }

        if (type.Length == 0)
        {
            throw new FormatException("type is required");
        }

        if (target.Length == 0)
        {
            throw new FormatException("target is required");
        }

        if (volumeOptions && type != "volume")
        {
            throw new FormatException($"cannot mix 'volume-*' options with mount type '{type}'");
        }

        if (bindOptions && type != "bind")
        {
            throw new FormatException($"cannot mix 'bind-*' options with mount type '{type}'");
        }

        if (tmpfsOptions && type != "tmpfs")
        {
            throw new FormatException($"cannot mix 'tmpfs-*' options with mount type '{type}'");
        }

        return new MountSpec
        {
            Type = type,
            Source = source,
            Target = target,
            ReadOnly = readOnly,
            Consistency = consistency,
            BindOptions = bindOptions ? JsonObject.Build(writer =>
            {
                if (!string.IsNullOrEmpty(propagation))
                {
                    writer.WriteString("Propagation", propagation);
                }

                if (nonRecursive == true)
                {
                    writer.WriteBoolean("NonRecursive", true);
                }
            }) : null,
            VolumeOptions = volumeOptions ? JsonObject.Build(writer =>
            {
                if (noCopy == true)
                {
                    writer.WriteBoolean("NoCopy", true);
                }

                WriteMap(writer, "Labels", labels);
                writer.WriteStartObject("DriverConfig");
                if (!string.IsNullOrEmpty(driver))
                {
                    writer.WriteString("Name", driver);
                }

                WriteMap(writer, "Options", driverOptions);
                writer.WriteEndObject();
            }) : null,
            TmpfsOptions = tmpfsOptions ? JsonObject.Build(writer =>
            {
                if (tmpfsSize is > 0)
                {
                    writer.WriteNumber("SizeBytes", tmpfsSize.Value);
                }

                if (tmpfsMode is > 0)
                {
                    writer.WriteNumber("Mode", tmpfsMode.Value);
                }
            }) : null,
        };
    }

    private static bool ParseBool(string key, string value, string? message = null) => value switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => throw new FormatException(message ?? $"invalid value for {key}: {value}"),
    };

    private static long ParseOrInvalid(string key, string value, Func<long> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException)
        {
            throw new FormatException($"invalid value for {key}: {value}");
        }
    }

    private static long ParseOctal(string value)
    {
        if (value.Length == 0 || value.Any(c => c is < '0' or > '7'))
        {
            throw new FormatException(value);
        }

        var mode = Convert.ToInt64(value, 8);
        return mode <= uint.MaxValue ? mode : throw new FormatException(value);
    }

    private static void SetOnMap(Dictionary<string, string> map, string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var key = equals >= 0 ? value[..equals] : value;
        if (key.Length > 0)
        {
            map[key] = equals >= 0 ? value[(equals + 1)..] : "";
        }
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, Dictionary<string, string>? map)
    {
        if (map is not { Count: > 0 })
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (key, value) in map.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }
}
