using System.Globalization;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers;

/// <summary>Linux signal names and numbers as moby's <c>signal.ParseSignal</c> reads them (KILL, SIGKILL, sigkill, 9, RTMIN+3…).</summary>
internal static class Signals
{
    public const int Kill = 9;
    public const int Term = 15;

    private const int RealtimeMinimum = 34;
    private const int RealtimeMaximum = 64;

    private static readonly Dictionary<string, int> ByName = BuildNames();

    /// <summary>The signal number; InvalidParameter <c>Invalid signal: X</c> for an unknown name or 0.</summary>
    public static int Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number == 0 ? throw Invalid(text) : number;
        }

        var name = text.ToUpperInvariant();
        if (name.StartsWith("SIG", StringComparison.Ordinal))
        {
            name = name[3..];
        }

        return ByName.TryGetValue(name, out var signal) ? signal : throw Invalid(text);
    }

    /// <summary>Parses and checks the number exists on Linux (moby's <c>ValidSignalForPlatform</c>), for kill.</summary>
    public static int ParseForKill(string text)
    {
        var signal = Parse(text);
        if (signal < 1 || signal > RealtimeMaximum)
        {
            throw EngineException.InvalidParameter(string.Create(CultureInfo.InvariantCulture, $"the linux daemon does not support signal {signal}"));
        }

        return signal;
    }

    private static EngineException Invalid(string text) => EngineException.InvalidParameter($"Invalid signal: {text}");

    private static Dictionary<string, int> BuildNames()
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["ABRT"] = 6, ["ALRM"] = 14, ["BUS"] = 7, ["CHLD"] = 17, ["CLD"] = 17, ["CONT"] = 18, ["FPE"] = 8,
            ["HUP"] = 1, ["ILL"] = 4, ["INT"] = 2, ["IO"] = 29, ["IOT"] = 6, ["KILL"] = 9, ["PIPE"] = 13,
            ["POLL"] = 29, ["PROF"] = 27, ["PWR"] = 30, ["QUIT"] = 3, ["SEGV"] = 11, ["STKFLT"] = 16, ["STOP"] = 19,
            ["SYS"] = 31, ["TERM"] = 15, ["TRAP"] = 5, ["TSTP"] = 20, ["TTIN"] = 21, ["TTOU"] = 22, ["URG"] = 23,
            ["USR1"] = 10, ["USR2"] = 12, ["VTALRM"] = 26, ["WINCH"] = 28, ["XCPU"] = 24, ["XFSZ"] = 25,
            ["RTMIN"] = RealtimeMinimum, ["RTMAX"] = RealtimeMaximum,
        };
        for (var i = 1; i <= 15; i++)
        {
            names[string.Create(CultureInfo.InvariantCulture, $"RTMIN+{i}")] = RealtimeMinimum + i;
            names[string.Create(CultureInfo.InvariantCulture, $"RTMAX-{i}")] = RealtimeMaximum - i;
        }

        return names;
    }
}
