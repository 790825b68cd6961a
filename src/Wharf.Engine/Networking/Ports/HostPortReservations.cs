using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Networking.Ports;

/// <summary>
/// <see cref="IHostPortReservations"/> with a bound socket per host port, as dockerd reserves them. TCP sockets are
/// bound but never listen: published traffic is DNATed in prerouting/output before local delivery, so the socket
/// only keeps the port from other processes. Sockets are bound without SO_REUSEADDR, so nobody else can bind the
/// port even with SO_REUSEADDR of their own (Linux lets two SO_REUSEADDR sockets share a port while neither listens).
/// Ports held by this daemon are known here first, so a clash between two containers gets dockerd's
/// "port is already allocated" and a clash with another process the userland proxy's "address already in use".
/// </summary>
public sealed class HostPortReservations : IHostPortReservations, IDisposable
{
    private const string AllPortsAllocated = "all ports are allocated";

    private readonly Lock gate = new();
    private readonly Dictionary<string, List<HeldPort>> byContainer = new(StringComparer.Ordinal);
    private readonly Func<(int First, int Last)> ephemeralRange;
    private int nextEphemeral;

    public HostPortReservations()
        : this(ReadEphemeralRange)
    {
    }

    /// <param name="ephemeralRange">The range ephemeral ports come from (tests pass a small one).</param>
    public HostPortReservations(Func<(int First, int Last)> ephemeralRange)
    {
        this.ephemeralRange = ephemeralRange;
    }

    public IReadOnlyList<PublishedPort> Reserve(string containerId, IPAddress containerIp, IReadOnlyList<PortRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(containerId);
        ArgumentNullException.ThrowIfNull(containerIp);
        ArgumentNullException.ThrowIfNull(requests);
        lock (gate)
        {
            var taken = new List<HeldPort>();
            try
            {
                var published = new List<PublishedPort>(requests.Count);
                foreach (var request in requests)
                {
                    var reservation = ReserveOne(containerIp, request, taken);
                    taken.Add(reservation);
                    published.Add(new PublishedPort(reservation.Protocol, request.HostIp, reservation.Port, containerIp, request.ContainerPort));
                }

                if (!byContainer.TryGetValue(containerId, out var held))
                {
                    held = [];
                    byContainer[containerId] = held;
                }

                held.AddRange(taken);
                return published;
            }
            catch
            {
                foreach (var reservation in taken)
                {
                    reservation.Socket?.Dispose();
                }

                throw;
            }
        }
    }

    public void Release(string containerId)
    {
        ArgumentNullException.ThrowIfNull(containerId);
        lock (gate)
        {
            if (byContainer.Remove(containerId, out var held))
            {
                foreach (var reservation in held)
                {
                    reservation.Socket?.Dispose();
                }
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var held in byContainer.Values)
            {
                foreach (var reservation in held)
                {
                    reservation.Socket?.Dispose();
                }
            }

            byContainer.Clear();
        }
    }

    private static (int First, int Last) ReadEphemeralRange()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            // dockerd's fallback when the file cannot be read.
            return (49153, 65535);
        }
    }

    private static string Endpoint(IPAddress address, int port) => $"{HostText(address)}:{port.ToString(CultureInfo.InvariantCulture)}";

    private static string HostText(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private HeldPort ReserveOne(IPAddress containerIp, PortRequest request, List<HeldPort> pending)
    {
        var protocol = request.Protocol.ToLowerInvariant();
        if (protocol is not ("tcp" or "udp" or "sctp"))
        {
            throw EngineException.InvalidParameter($"invalid proto: {request.Protocol}");
        }

        var address = request.HostIp is null || request.HostIp.Equals(IPAddress.Any) || request.HostIp.Equals(IPAddress.IPv6Any)
            ? (containerIp.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any)
            : request.HostIp;

        if (request.HostPortStart == 0 && request.HostPortEnd == 0)
        {
            var (first, last) = ephemeralRange();
            var count = last - first + 1;
            var start = nextEphemeral >= first && nextEphemeral <= last ? nextEphemeral : first;
            for (var i = 0; i < count; i++)
            {
                var port = first + ((start - first + i) % count);
                if (HeldBy(protocol, address, port, pending) is not null)
                {
                    continue;
                }

                if (TryBind(protocol, address, port, out var socket, out _))
                {
                    nextEphemeral = port == last ? first : port + 1;
                    return new HeldPort(protocol, address, port, socket);
                }
            }

            throw new EngineException(ErrorKind.Internal, AllPortsAllocated);
        }

        var end = Math.Max(request.HostPortEnd, request.HostPortStart);
        if (request.HostPortStart is < 1 or > 65535 || end > 65535)
        {
            throw EngineException.InvalidParameter($"invalid port specification: \"{request.HostPortStart.ToString(CultureInfo.InvariantCulture)}\"");
        }

        SocketError lastError = SocketError.Success;
        var lastAllocated = false;
        for (var port = request.HostPortStart; port <= end; port++)
        {
            if (HeldBy(protocol, address, port, pending) is not null)
            {
                lastAllocated = true;
                continue;
            }

            if (TryBind(protocol, address, port, out var socket, out lastError))
            {
                return new HeldPort(protocol, address, port, socket);
            }

            lastAllocated = false;
        }

        var ports = end == request.HostPortStart
            ? request.HostPortStart.ToString(CultureInfo.InvariantCulture)
            : $"{request.HostPortStart.ToString(CultureInfo.InvariantCulture)}-{end.ToString(CultureInfo.InvariantCulture)}";
        if (lastAllocated)
        {
            throw new EngineException(ErrorKind.Internal, $"Bind for {HostText(address)}:{ports} failed: port is already allocated");
        }

        var network = protocol + (address.AddressFamily == AddressFamily.InterNetworkV6 ? "6" : "4");
        var reason = lastError == SocketError.AddressAlreadyInUse ? "address already in use"
            : lastError == SocketError.AddressNotAvailable ? "cannot assign requested address"
            : lastError == SocketError.AccessDenied ? "permission denied"
            : lastError.ToString();
        throw new EngineException(ErrorKind.Internal, $"Error starting userland proxy: listen {network} {Endpoint(address, end)}: bind: {reason}");
    }

    /// <summary>Who of this daemon holds the port: same protocol and family, and the same address or a wildcard on either side.</summary>
    private string? HeldBy(string protocol, IPAddress address, int port, List<HeldPort> pending)
    {
        bool Clashes(HeldPort r) =>
            r.Protocol == protocol
            && r.Port == port
            && r.Address.AddressFamily == address.AddressFamily
            && (r.Address.Equals(address) || IsWildcard(r.Address) || IsWildcard(address));

        if (pending.Any(Clashes))
        {
            return string.Empty;
        }

        foreach (var (container, held) in byContainer)
        {
            if (held.Any(Clashes))
            {
                return container;
            }
        }

        return null;
    }

    private static bool IsWildcard(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    private static bool TryBind(string protocol, IPAddress address, int port, out Socket? socket, out SocketError error)
    {
        socket = null;
        error = SocketError.Success;
        if (protocol == "sctp")
        {
            // No SCTP sockets from .NET; the port is held in this daemon's books only.
            return true;
        }

        var candidate = protocol == "tcp"
            ? new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            ClearReuse(candidate);
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // [::] must not also take the IPv4 port: 0.0.0.0 is a reservation of its own.
                candidate.DualMode = false;
            }

            candidate.Bind(new IPEndPoint(address, port));

            // .NET turns SO_REUSEADDR on when it binds a TCP socket; off again, a listen() by anyone else on the port fails.
            ClearReuse(candidate);
            socket = candidate;
            return true;
        }
        catch (SocketException e)
        {
            error = e.SocketErrorCode;
            candidate.Dispose();
            return false;
        }
    }

    private static void ClearReuse(Socket socket)
    {
        const int SolSocket = 1;
        const int SoReuseAddr = 2;
        const int SoReusePort = 15;
        socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(0));
        socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(0));
    }
}
