using System.Globalization;
using Wharf.Api;

namespace Wharf.Engine.Stats;

/// <summary>The interface counters of /proc/&lt;pid&gt;/net/dev (the container's network namespace), loopback left out as dockerd does.</summary>
public static class NetworkDevStats
{
    /// <summary>Interface name to counters; null when only loopback (or nothing) is there, so that <c>networks</c> is omitted.</summary>
    public static Dictionary<string, NetworkStats>? Parse(string netDev)
    {
        ArgumentNullException.ThrowIfNull(netDev);
        var networks = new Dictionary<string, NetworkStats>(StringComparer.Ordinal);
        foreach (var line in netDev.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var fields = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (name.Length == 0 || name == "lo" || fields.Length < 12)
            {
                continue;
            }

            ulong Field(int index) => ulong.TryParse(fields[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
            networks[name] = new NetworkStats
            {
                RxBytes = Field(0),
                RxPackets = Field(1),
                RxErrors = Field(2),
                RxDropped = Field(3),
                TxBytes = Field(8),
                TxPackets = Field(9),
                TxErrors = Field(10),
                TxDropped = Field(11),
            };
        }

        return networks.Count == 0 ? null : networks;
    }
}
