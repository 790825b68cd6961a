using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Wharf.Engine.Networking.Firewall;

/// <summary>
/// Coexistence with a dockerd on the same host. dockerd (iptables-nft) sets the <c>FORWARD</c> policy of
/// <c>ip filter</c> to DROP, and a drop in any table is final, so wharf's forwarded traffic would die there whatever
/// wharf's own table says. dockerd jumps first to <c>DOCKER-USER</c>, a chain it leaves to the administrator: when it
/// exists (in <c>ip filter</c> and <c>ip6 filter</c>), wharf inserts <c>iifname "X" accept</c> and <c>oifname "X" accept</c>
/// for each of its bridges there, tagged with the comment <c>wharf:&lt;table&gt;</c>, and deletes them with the network or
/// the table. Those accepts only end <c>ip filter</c>'s say: isolation and internal networks are still enforced by
/// wharf's table. A dockerd started after wharfd gets no such rules until wharfd next initialises its firewall.
/// </summary>
/// <remarks>
/// firewalld (nftables backend) keeps its rules in its own <c>inet firewalld</c> table, whose forward chain rejects
/// traffic of interfaces in no zone. wharf does not talk to firewalld over D-Bus as dockerd does; on such hosts put
/// the bridges in a zone that forwards (<c>firewall-cmd --zone=trusted --add-interface=wharf0</c>, or a zone with
/// <c>--add-forward</c> for <c>br-*</c>), otherwise containers reach the host but not the outside.
/// </remarks>
internal static partial class DockerUserChain
{
    private static readonly string[] Families = ["ip", "ip6"];

    /// <summary>The chain's listing command for a family; fails when dockerd has not made the chain (then there is nothing to do).</summary>
    public static string ListCommand(string family) => $"list chain {family} filter DOCKER-USER\n";

    public static IReadOnlyList<string> AllFamilies => Families;

    public static string Comment(string table) => "wharf:" + table;

    /// <summary>Wharf's rules in a listing made with handles: (interface name, handle).</summary>
    public static IReadOnlyList<(string Bridge, long Handle)> OwnRules(string listing, string table)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var comment = $"comment \"{Comment(table)}\"";
        var rules = new List<(string, long)>();
        foreach (var line in listing.Split('\n'))
        {
            if (!line.Contains(comment, StringComparison.Ordinal))
            {
                continue;
            }

            var match = RulePattern().Match(line);
            if (match.Success)
            {
                rules.Add((match.Groups["bridge"].Value, long.Parse(match.Groups["handle"].Value, CultureInfo.InvariantCulture)));
            }
        }

        return rules;
    }

    public static void AppendAccept(StringBuilder text, string family, string table, string bridge)
    {
        ArgumentNullException.ThrowIfNull(text);
        text.Append(CultureInfo.InvariantCulture, $"insert rule {family} filter DOCKER-USER iifname \"{bridge}\" accept comment \"{Comment(table)}\"\n");
        text.Append(CultureInfo.InvariantCulture, $"insert rule {family} filter DOCKER-USER oifname \"{bridge}\" accept comment \"{Comment(table)}\"\n");
    }

    public static void AppendDelete(StringBuilder text, string family, long handle)
    {
        ArgumentNullException.ThrowIfNull(text);
        text.Append(CultureInfo.InvariantCulture, $"delete rule {family} filter DOCKER-USER handle {handle}\n");
    }

    [GeneratedRegex("""[io]ifname "(?<bridge>[^"]+)".*# handle (?<handle>\d+)""", RegexOptions.CultureInvariant)]
    private static partial Regex RulePattern();
}
