using System.Net;
using System.Net.Sockets;
using Wharf.Engine.Errors;
using Wharf.Engine.Networking;
using Wharf.Engine.Networking.Ports;
using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Networking;

/// <summary>HostPortReservations with real sockets on this machine's loopback and wildcard addresses (binds only, no traffic).</summary>
public sealed class PortReservationTests
{
    private static readonly IPAddress ContainerIp = IPAddress.Parse("172.30.0.2");

    [RootFact]
    public void A_port_held_for_one_container_is_refused_to_another_with_dockerds_words_until_released()
    {
        using var reservations = new HostPortReservations();
        var port = FreePort();

        var first = reservations.Reserve("a", ContainerIp, [new PortRequest("tcp", null, port, port, 80)]);
        var error = Assert.Throws<EngineException>(() => reservations.Reserve("b", ContainerIp, [new PortRequest("tcp", null, port, port, 80)]));

        Assert.Equal(new PublishedPort("tcp", null, port, ContainerIp, 80), Assert.Single(first));
        Assert.Equal(ErrorKind.Internal, error.Kind);
        Assert.Equal($"Bind for 0.0.0.0:{port} failed: port is already allocated", error.Message);
        Assert.Throws<SocketException>(() => Listen(IPAddress.Any, port).Dispose());
        Assert.Throws<SocketException>(() => Listen(IPAddress.Loopback, port).Dispose());

        reservations.Release("a");
        Assert.Single(reservations.Reserve("b", ContainerIp, [new PortRequest("tcp", IPAddress.Loopback, port, port, 80)]));
    }

    [RootFact]
    public void A_port_another_process_listens_on_fails_the_whole_request_and_nothing_stays_reserved()
    {
        using var reservations = new HostPortReservations();
        var free = FreePort();
        using var foreign = Listen(IPAddress.Any, 0);
        var taken = ((IPEndPoint)foreign.LocalEndpoint).Port;

        var error = Assert.Throws<EngineException>(() => reservations.Reserve("a", ContainerIp,
        [
            new PortRequest("tcp", null, free, free, 80),
            new PortRequest("tcp", null, taken, taken, 81),
        ]));

        Assert.Equal($"Error starting userland proxy: listen tcp4 0.0.0.0:{taken}: bind: address already in use", error.Message);
        Listen(IPAddress.Any, free).Dispose();
        Assert.Single(reservations.Reserve("b", ContainerIp, [new PortRequest("tcp", null, free, free, 80)]));
    }

    [RootFact]
    public void Udp_ports_are_held_by_a_bound_socket()
    {
        using var reservations = new HostPortReservations();
        var port = FreePort();

        reservations.Reserve("a", ContainerIp, [new PortRequest("udp", null, port, port, 53)]);

        using var foreign = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        Assert.Throws<SocketException>(() => foreign.Bind(new IPEndPoint(IPAddress.Loopback, port)));
        Assert.Single(reservations.Reserve("b", ContainerIp, [new PortRequest("tcp", null, port, port, 53)]));
        reservations.Release("a");
        foreign.Bind(new IPEndPoint(IPAddress.Loopback, port));
    }

    [RootFact]
    public void A_range_gives_the_first_free_port_and_ephemeral_ports_come_from_the_local_range()
    {
        var low = FreePort();
        using var reservations = new HostPortReservations(() => (low, low + 3));
        var port = FreePort();

        var held = reservations.Reserve("a", ContainerIp, [new PortRequest("tcp", null, port, port, 80)]);
        var ranged = reservations.Reserve("b", ContainerIp, [new PortRequest("tcp", null, port, port + 5, 80)]);
        var ephemeral = reservations.Reserve("c", ContainerIp, [new PortRequest("tcp", null, 0, 0, 80), new PortRequest("tcp", null, 0, 0, 81)]);

        Assert.Equal(port, held[0].HostPort);
        Assert.InRange(ranged[0].HostPort, port + 1, port + 5);
        Assert.InRange(ephemeral[0].HostPort, low, low + 3);
        Assert.InRange(ephemeral[1].HostPort, low, low + 3);
        Assert.NotEqual(ephemeral[0].HostPort, ephemeral[1].HostPort);
    }

    [RootFact]
    public void The_default_ephemeral_range_is_the_kernels()
    {
        using var reservations = new HostPortReservations();
        var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();

        var port = reservations.Reserve("a", ContainerIp, [new PortRequest("tcp", null, 0, 0, 80)])[0].HostPort;

        Assert.InRange(port, range[0], range[1]);
    }

    private static TcpListener Listen(IPAddress address, int port)
    {
        var listener = new TcpListener(address, port);
        listener.Start();
        return listener;
    }

    /// <summary>
    /// A port free for TCP and UDP below the kernel's ephemeral range: one from the range could be handed to any other
    /// test's outgoing socket (a DNS forwarder's, say) between this test's binds.
    /// </summary>
    private static int FreePort()
    {
        while (true)
        {
            var port = Random.Shared.Next(20000, 32000);
            try
            {
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Any, port));
                using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                udp.Bind(new IPEndPoint(IPAddress.Any, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
    }
}
