using System.Text;
using Wharf.Engine.Errors;
using Wharf.Linux;

namespace Wharf.Engine.Networking.Firewall;

/// <summary>
/// <see cref="IFirewall"/> on an nftables table of wharf's own (<c>inet wharf</c> by default), programmed in-process
/// through libnftables: every call is one buffer, so one atomic transaction. Networks and ports change only their
/// own chains and map elements (see <see cref="NftablesRuleset"/>); the DNAT elements each container added are
/// remembered here so <see cref="RemovePorts"/> can take them out again — after a restart <see cref="Initialize"/>
/// rebuilds the table and this memory together. Other tables are never touched, except wharf's tagged accept rules in
/// dockerd's <c>DOCKER-USER</c> chain (see <see cref="DockerUserChain"/>).
/// </summary>
public sealed class NftablesFirewall : IFirewall, IDisposable
{
    private readonly string table;
    private readonly Func<string, string> run;
    private readonly NftablesContext? context;
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<PortElement>> portsByContainer = new(StringComparer.Ordinal);
    private bool tableKnown;

    /// <param name="table">The table's name in family <c>inet</c>; tests use names of their own.</param>
    public NftablesFirewall(string table = "wharf")
        : this(table, null)
    {
    }

    /// <summary>For tests of the generated commands: <paramref name="run"/> gets each transaction's text and returns nft's output.</summary>
    internal NftablesFirewall(string table, Func<string, string>? run)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        if (!table.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') || !char.IsAsciiLetter(table[0]))
        {
            throw new ArgumentException($"invalid nftables table name: {table}", nameof(table));
        }

        this.table = table;
        if (run is null)
        {
            context = new NftablesContext();
            run = context.Run;
        }

        this.run = run;
    }

    public string TableName => table;

    public void Initialize(IReadOnlyList<FirewallNetwork> networks, IReadOnlyList<FirewallPortSet> ports)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(ports);
        lock (gate)
        {
            var elements = new Dictionary<string, List<PortElement>>(StringComparer.Ordinal);
            foreach (var set in ports)
            {
                elements[set.ContainerId] = ElementsOf(set);
            }

            var text = new StringBuilder(NftablesRuleset.Table(table, networks, elements.Values.SelectMany(e => e)));
            foreach (var family in DockerUserChain.AllFamilies)
            {
                if (ListDockerUser(family) is not { } listing)
                {
                    continue;
                }

                foreach (var (_, handle) in DockerUserChain.OwnRules(listing, table))
                {
                    DockerUserChain.AppendDelete(text, family, handle);
                }

                foreach (var network in networks)
                {
                    DockerUserChain.AppendAccept(text, family, table, network.BridgeName);
                }
            }

            Apply(text.ToString());
            tableKnown = true;
            portsByContainer.Clear();
            foreach (var (container, list) in elements)
            {
                portsByContainer[container] = list;
            }
        }
    }

    public void AddNetwork(FirewallNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        lock (gate)
        {
            EnsureTable();
            var text = new StringBuilder();
            NftablesRuleset.AppendAddNetwork(text, table, network);
            foreach (var family in DockerUserChain.AllFamilies)
            {
                if (ListDockerUser(family) is { } listing
                    && !DockerUserChain.OwnRules(listing, table).Any(r => r.Bridge == network.BridgeName))
                {
                    DockerUserChain.AppendAccept(text, family, table, network.BridgeName);
                }
            }

            Apply(text.ToString());
        }
    }

    public void RemoveNetwork(string bridgeName)
    {
        ArgumentNullException.ThrowIfNull(bridgeName);
        lock (gate)
        {
            EnsureTable();
            var text = new StringBuilder();
            NftablesRuleset.AppendRemoveNetwork(text, table, bridgeName);
            foreach (var family in DockerUserChain.AllFamilies)
            {
                if (ListDockerUser(family) is not { } listing)
                {
                    continue;
                }

                foreach (var (bridge, handle) in DockerUserChain.OwnRules(listing, table))
                {
                    if (bridge == bridgeName)
                    {
                        DockerUserChain.AppendDelete(text, family, handle);
                    }
                }
            }

            Apply(text.ToString());
        }
    }

    public void AddPorts(FirewallPortSet ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        lock (gate)
        {
            EnsureTable();
            var added = ElementsOf(ports);
            var text = new StringBuilder();
            var displaced = new List<(string Container, PortElement Element)>();
            if (portsByContainer.TryGetValue(ports.ContainerId, out var previous))
            {
                foreach (var element in previous)
                {
                    NftablesRuleset.AppendRemovePort(text, table, element);
                }
            }

            // A key another container still holds (its RemovePorts was missed) would make the add fail: take it over.
            foreach (var (container, elements) in portsByContainer)
            {
                if (container == ports.ContainerId)
                {
                    continue;
                }

                foreach (var element in elements)
                {
                    if (added.Any(a => a.Map == element.Map && a.Key == element.Key))
                    {
                        NftablesRuleset.AppendRemovePort(text, table, element);
                        displaced.Add((container, element));
                    }
                }
            }

            foreach (var element in added)
            {
                NftablesRuleset.AppendAddPort(text, table, element);
            }

            if (text.Length > 0)
            {
                Apply(text.ToString());
            }

            foreach (var (container, element) in displaced)
            {
                portsByContainer[container].Remove(element);
            }

            portsByContainer[ports.ContainerId] = added;
        }
    }

    public void RemovePorts(string containerId)
    {
        ArgumentNullException.ThrowIfNull(containerId);
        lock (gate)
        {
            if (!portsByContainer.TryGetValue(containerId, out var elements))
            {
                return;
            }

            if (elements.Count > 0)
            {
                var text = new StringBuilder();
                foreach (var element in elements)
                {
                    NftablesRuleset.AppendRemovePort(text, table, element);
                }

                Apply(text.ToString());
            }

            portsByContainer.Remove(containerId);
        }
    }

    public void RemoveAll()
    {
        lock (gate)
        {
            var text = new StringBuilder(NftablesRuleset.DeleteTable(table));
            foreach (var family in DockerUserChain.AllFamilies)
            {
                if (ListDockerUser(family) is not { } listing)
                {
                    continue;
                }

                foreach (var (_, handle) in DockerUserChain.OwnRules(listing, table))
                {
                    DockerUserChain.AppendDelete(text, family, handle);
                }
            }

            Apply(text.ToString());
            tableKnown = false;
            portsByContainer.Clear();
        }
    }

    public void Dispose() => context?.Dispose();

    private static List<PortElement> ElementsOf(FirewallPortSet set)
    {
        NftablesRuleset.ValidBridgeName(set.BridgeName);
        var elements = new List<PortElement>();
        foreach (var port in set.Ports)
        {
            if (NftablesRuleset.ElementFor(set.ContainerId, port) is { } element
                && !elements.Any(e => e.Map == element.Map && e.Key == element.Key))
            {
                elements.Add(element);
            }
        }

        return elements;
    }

    /// <summary>Makes an empty table when there is none yet (a call before <see cref="Initialize"/>); an existing one is kept as it is.</summary>
    private void EnsureTable()
    {
        if (tableKnown)
        {
            return;
        }

        try
        {
            run($"list table inet {table}\n");
            tableKnown = true;
        }
        catch (NftablesException)
        {
            Apply(NftablesRuleset.Table(table, [], []));
            tableKnown = true;
        }
    }

    /// <summary>dockerd's DOCKER-USER chain of one family with rule handles, or null when there is none (no dockerd).</summary>
    private string? ListDockerUser(string family)
    {
        try
        {
            return run(DockerUserChain.ListCommand(family));
        }
        catch (NftablesException)
        {
            return null;
        }
    }

    private void Apply(string commands)
    {
        try
        {
            run(commands);
        }
        catch (NftablesException e)
        {
            throw new EngineException(ErrorKind.Internal, $"programming the firewall (nftables table inet {table}) failed: {e.Message}", e);
        }
    }
}
