using System.Net;
using System.Net.Sockets;
using System.Text;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers;

/// <summary>
/// The <c>/etc/hostname</c>, <c>/etc/hosts</c> and <c>/etc/resolv.conf</c> a container gets, as libnetwork writes
/// them: the host's files for the host network, else Docker's default hosts entries and the host's resolv.conf
/// without loopback (and, IPv6 being off, IPv6) name servers, falling back to Google's public DNS.
/// </summary>
internal static class ContainerHostFiles
{
    private const string DefaultHosts =
        "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n";

    private const string FallbackNameServers = "nameserver 8.8.8.8\nnameserver 8.8.4.4\n";

    public static string Hostname(string hostname) => hostname + "\n";

    /// <summary>The hosts file; <paramref name="hostHosts"/> (the host's own) is the base for the host network.</summary>
    public static string Hosts(bool hostNetwork, string? hostHosts, IReadOnlyList<string>? extraHosts)
    {
        var builder = new StringBuilder(hostNetwork ? hostHosts ?? DefaultHosts : DefaultHosts);
        if (builder.Length > 0 && builder[^1] != '\n')
        {
            builder.Append('\n');
        }

        foreach (var entry in extraHosts ?? [])
        {
            var (name, address) = ParseExtraHost(entry);
            builder.Append(address).Append('\t').Append(name).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Checks an <c>--add-host</c> entry (<c>name:ip</c>) the way dockerd does; InvalidParameter otherwise.</summary>
    public static (string Name, string Address) ParseExtraHost(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var separator = entry.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw EngineException.InvalidParameter($"invalid extra host entry: {entry}");
        }

        var name = entry[..separator];
        var address = entry[(separator + 1)..];
        if (address == "host-gateway")
        {
            throw EngineException.InvalidParameter("unable to derive the IP value for host-gateway");
        }

        if (address.StartsWith('[') && address.EndsWith(']'))
        {
            address = address[1..^1];
        }

        if (!IPAddress.TryParse(address, out _))
        {
            throw EngineException.InvalidParameter($"invalid IP address in add-host: \"{address}\"");
        }

        return (name, address);
    }

    /// <summary>
    /// The resolv.conf: with no DNS settings, the host's file (filtered unless on the host network); with any,
    /// the given lists, each falling back to what the host's file has.
    /// </summary>
    public static string ResolvConf(bool hostNetwork, string hostResolvConf, IReadOnlyList<string> dns, IReadOnlyList<string> search, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(hostResolvConf);
        var source = hostNetwork ? hostResolvConf : FilterNameServers(hostResolvConf);
        if (dns.Count == 0 && search.Count == 0 && options.Count == 0)
        {
            return source;
        }

        var builder = new StringBuilder();
        var searchList = search.Count > 0 ? search : Values(source, "search", "domain");
        if (searchList.Count > 0 && string.Join(' ', searchList).Trim() != ".")
        {
            builder.Append("search ").Append(string.Join(' ', searchList)).Append('\n');
        }

        foreach (var server in dns.Count > 0 ? dns : Values(source, "nameserver"))
        {
            builder.Append("nameserver ").Append(server).Append('\n');
        }

        var optionList = options.Count > 0 ? options : Values(source, "options");
        if (optionList.Count > 0 && string.Join(' ', optionList).Trim().Length > 0)
        {
            builder.Append("options ").Append(string.Join(' ', optionList)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// /etc/hosts of a container in a sandbox of its own, as libnetwork leaves it after the join: the defaults, the
    /// <c>--add-host</c> entries, the links (default bridge), then the container's own address with its host name.
    /// </summary>
    public static string SandboxHosts(IReadOnlyList<string> extraHosts, IReadOnlyList<(string Address, string Names)> links, string? ownAddress, string hostname, string domainname)
    {
        ArgumentNullException.ThrowIfNull(links);
        var builder = new StringBuilder(Hosts(false, null, extraHosts));
        foreach (var (address, names) in links)
        {
            builder.Append(address).Append('\t').Append(names).Append('\n');
        }

        if (ownAddress is not null && hostname.Length > 0)
        {
            var fqdn = domainname.Length > 0 ? hostname + "." + domainname : hostname;
            var dot = fqdn.IndexOf('.', StringComparison.Ordinal);
            builder.Append(ownAddress).Append('\t').Append(dot > 0 ? fqdn + " " + fqdn[..dot] : fqdn).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// resolv.conf for user-defined networks: the embedded DNS as the only name server, the search domains and options
    /// of the container or the host, and <c>ndots:0</c> as dockerd adds.
    /// </summary>
    public static string EmbeddedDnsResolvConf(string hostResolvConf, string nameServer, IReadOnlyList<string> search, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(hostResolvConf);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new StringBuilder();
        var searchList = search.Count > 0 ? search : Values(hostResolvConf, "search", "domain");
        if (searchList.Count > 0 && string.Join(' ', searchList).Trim() != ".")
        {
            builder.Append("search ").Append(string.Join(' ', searchList)).Append('\n');
        }

        builder.Append("nameserver ").Append(nameServer).Append('\n');
        var optionList = options.Count > 0 ? [.. options] : Values(hostResolvConf, "options").Where(o => !o.StartsWith("ndots:", StringComparison.Ordinal)).ToList();
        if (!optionList.Any(o => o.StartsWith("ndots:", StringComparison.Ordinal)))
        {
            optionList.Insert(0, "ndots:0");
        }

        builder.Append("options ").Append(string.Join(' ', optionList)).Append('\n');
        return builder.ToString();
    }

    /// <summary>Every name server of a resolv.conf (loopback ones too: the embedded DNS forwards from the host's namespace).</summary>
    public static IReadOnlyList<string> NameServers(string resolvConf) => Values(resolvConf ?? "", "nameserver").Select(s => s.Split('%')[0]).ToList();

    /// <summary>Drops loopback and IPv6 name servers; adds Docker's fallback when none is left.</summary>
    public static string FilterNameServers(string resolvConf)
    {
        ArgumentNullException.ThrowIfNull(resolvConf);
        var builder = new StringBuilder();
        var servers = 0;
        foreach (var line in resolvConf.Split('\n'))
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && fields[0] == "nameserver")
            {
                if (!IPAddress.TryParse(fields[1].Split('%')[0], out var address) || IPAddress.IsLoopback(address) || address.AddressFamily == AddressFamily.InterNetworkV6)
                {
                    continue;
                }

                servers++;
            }

            builder.Append(line).Append('\n');
        }

        var text = builder.ToString().TrimEnd('\n');
        text = text.Length == 0 ? string.Empty : text + "\n";
        return servers > 0 ? text : text + FallbackNameServers;
    }

    private static List<string> Values(string resolvConf, params string[] keys)
    {
        var values = new List<string>();
        foreach (var line in resolvConf.Split('\n'))
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && keys.Contains(fields[0]))
            {
                if (fields[0] is "search" or "domain")
                {
                    // The last search or domain line wins, as in the resolver.
                    values.Clear();
                }

                values.AddRange(fields.Skip(1));
            }
        }

        return values;
    }
}
