using Wharf.Engine.Stats;

namespace Wharf.Engine.Tests.Stats;

public sealed class ProcFilesTests
{
    [Fact]
    public void Proc_stat_gives_system_usage_in_nanoseconds_and_the_online_cpus()
    {
        const string stat = "cpu  100 1 20 1000 5 0 4 7 0 0\ncpu0 50 0 10 500 2 0 2 0 0 0\ncpu1 50 1 10 500 3 0 2 0 0 0\nintr 1 2 3\nctxt 99\n";

        var (usage, cpus) = HostCpu.Parse(stat);

        Assert.Equal((100UL + 1 + 20 + 1000 + 5 + 0 + 4) * 10_000_000UL, usage);
        Assert.Equal(2U, cpus);
    }

    [Fact]
    public void Meminfo_gives_the_machines_memory_in_bytes()
    {
        Assert.Equal(2048UL * 1024, HostCpu.ParseMemTotal("MemTotal:        2048 kB\nMemFree: 1 kB\n"));
        Assert.Equal(0UL, HostCpu.ParseMemTotal("nothing\n"));
    }

    [Fact]
    public void Net_dev_leaves_out_loopback()
    {
        const string netDev = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                lo:     100       1    0    0    0     0          0         0      100       1    0    0    0     0       0          0
              eth0:    1500      12    1    2    0     0          0         0      900       9    3    4    0     0       0          0
            """;

        var networks = NetworkDevStats.Parse(netDev);

        var eth0 = Assert.Single(networks!).Value;
        Assert.Equal((1500UL, 12UL, 1UL, 2UL), (eth0.RxBytes, eth0.RxPackets, eth0.RxErrors, eth0.RxDropped));
        Assert.Equal((900UL, 9UL, 3UL, 4UL), (eth0.TxBytes, eth0.TxPackets, eth0.TxErrors, eth0.TxDropped));
        Assert.Null(NetworkDevStats.Parse("Inter-|\n face |\n    lo: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n"));
    }
}
