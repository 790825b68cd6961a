using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.Api;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers;

/// <summary>
/// dockerd's <c>mergeAndVerifyLogConfig</c> for the drivers wharf has (json-file, local, none): the daemon's driver
/// and options fill an unset config, and every option is checked with the driver's own message.
/// </summary>
internal static partial class LogConfigRules
{
    public const string JsonFile = "json-file";
    public const string Local = "local";
    public const string None = "none";

    private static readonly HashSet<string> JsonFileOptions = ["max-file", "max-size", "compress", "labels", "labels-regex", "env", "env-regex", "tag"];
    private static readonly HashSet<string> LocalOptions = ["max-file", "max-size", "compress"];
    private static readonly HashSet<string> BuiltInOptions = ["mode", "max-buffer-size"];

    public static LogConfig Merge(LogConfig? requested, string defaultDriver, IReadOnlyDictionary<string, string> defaultOptions)
    {
        ArgumentNullException.ThrowIfNull(defaultDriver);
        ArgumentNullException.ThrowIfNull(defaultOptions);
        var type = string.IsNullOrEmpty(requested?.Type) ? defaultDriver : requested.Type;
        var options = requested?.Config is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(requested.Config, StringComparer.Ordinal);
        if (type == defaultDriver)
        {
            foreach (var (key, value) in defaultOptions)
            {
                options.TryAdd(key, value);
            }
        }

        var config = new LogConfig { Type = type, Config = options };
        Validate(config);
        return config;
    }

    public static void Validate(LogConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Type == None)
        {
            return;
        }

        var mode = config.Config.GetValueOrDefault("mode", "");
        if (mode is not ("" or "blocking" or "non-blocking"))
        {
            throw Invalid($"logger: logging mode not supported: {mode}");
        }

        if (config.Config.ContainsKey("max-buffer-size") && mode != "non-blocking")
        {
            throw Invalid("logger: max-buffer-size option is only supported with 'mode=non-blocking'");
        }

        var known = config.Type switch
        {
            JsonFile => JsonFileOptions,
            Local => LocalOptions,
            _ => throw Invalid($"logger: no log driver named '{config.Type}' is registered"),
        };
        foreach (var key in config.Config.Keys.Where(k => !BuiltInOptions.Contains(k)))
        {
            if (!known.Contains(key))
            {
                throw Invalid(config.Type == JsonFile ? $"unknown log opt '{key}' for json-file log driver" : $"unknown log opt '{key}' for log driver {config.Type}");
            }
        }

        if (config.Config.TryGetValue("max-size", out var maxSize))
        {
            var bytes = ParseHumanSize(maxSize);
            if (bytes <= 0)
            {
                throw Invalid("max-size must be a positive number");
            }
        }

        if (config.Config.TryGetValue("max-file", out var maxFile))
        {
            if (!int.TryParse(maxFile, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var files))
            {
                throw Invalid($"strconv.Atoi: parsing \"{maxFile}\": invalid syntax");
            }

            if (files < 1)
            {
                throw Invalid("max-file cannot be less than 1");
            }
        }

        if (config.Config.TryGetValue("compress", out var compress) && !bool.TryParse(compress, out _) && compress is not ("1" or "0" or "t" or "f" or "T" or "F"))
        {
            throw Invalid($"error reading compress log option: strconv.ParseBool: parsing \"{compress}\": invalid syntax");
        }
    }

    /// <summary>go-units' <c>FromHumanSize</c> (decimal multiples: 10k = 10000); InvalidParameter <c>invalid size: 'x'</c>.</summary>
    public static long ParseHumanSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = HumanSize().Match(text);
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw Invalid($"invalid size: '{text}'");
        }

        var multiplier = match.Groups[2].Value.ToUpperInvariant() switch
        {
            "K" => 1e3,
            "M" => 1e6,
            "G" => 1e9,
            "T" => 1e12,
            "P" => 1e15,
            _ => 1d,
        };
        return (long)(value * multiplier);
    }

    private static EngineException Invalid(string message) => EngineException.InvalidParameter(message);

    [GeneratedRegex(@"^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$")]
    private static partial Regex HumanSize();
}
