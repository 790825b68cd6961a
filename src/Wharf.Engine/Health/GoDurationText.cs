using System.Globalization;
using System.Text;

namespace Wharf.Engine.Health;

/// <summary>Go's time.Duration.String (<c>30s</c>, <c>1.5s</c>, <c>500ms</c>, <c>1m30s</c>), for dockerd's probe timeout message.</summary>
internal static class GoDurationText
{
    public static string Format(TimeSpan duration)
    {
        var nanoseconds = duration.Ticks * 100;
        if (nanoseconds == 0)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (nanoseconds < 0)
        {
            builder.Append('-');
            nanoseconds = -nanoseconds;
        }

        if (nanoseconds < 1_000_000_000)
        {
            var (unit, scale) = nanoseconds switch
            {
                < 1_000 => ("ns", 1L),
                < 1_000_000 => ("µs", 1_000L),
                _ => ("ms", 1_000_000L),
            };
            AppendFraction(builder, nanoseconds, scale);
            return builder.Append(unit).ToString();
        }

        var hours = nanoseconds / 3_600_000_000_000;
        var rest = nanoseconds % 3_600_000_000_000;
        var minutes = rest / 60_000_000_000;
        rest %= 60_000_000_000;
        if (hours > 0)
        {
            builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        AppendFraction(builder, rest, 1_000_000_000);
        return builder.Append('s').ToString();
    }

    private static void AppendFraction(StringBuilder builder, long value, long scale)
    {
        builder.Append((value / scale).ToString(CultureInfo.InvariantCulture));
        var fraction = value % scale;
        if (fraction != 0)
        {
            var digits = scale.ToString(CultureInfo.InvariantCulture).Length - 1;
            builder.Append('.').Append(fraction.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).TrimEnd('0'));
        }
    }
}
