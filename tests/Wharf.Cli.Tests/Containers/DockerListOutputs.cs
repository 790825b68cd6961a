namespace Wharf.Cli.Tests.Containers;

/// <summary>
/// What docker 28.2.2 printed for <c>ps</c> and <c>stats --no-stream</c> over these daemon answers (captured with the
/// real CLI; creation times moved to the tests' fixed clock). Each text ends with the newline docker wrote.
/// </summary>
internal static class DockerListOutputs
{
    public const string Containers = """
        [{"Id": "4f7ab1f1c3e2d3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a", "Names": ["/web", "/other/alias"], "Image": "nginx:latest", "ImageID": "sha256:1111111111111111111111111111111111111111111111111111111111111111", "Command": "/docker-entrypoint.sh nginx -g 'daemon off;'", "Created": 1795435110, "Ports": [{"IP": "0.0.0.0", "PrivatePort": 80, "PublicPort": 8080, "Type": "tcp"}, {"IP": "::", "PrivatePort": 80, "PublicPort": 8080, "Type": "tcp"}, {"PrivatePort": 443, "Type": "tcp"}, {"PrivatePort": 444, "Type": "tcp"}, {"PrivatePort": 445, "Type": "tcp"}, {"IP": "127.0.0.1", "PrivatePort": 53, "PublicPort": 53, "Type": "udp"}, {"IP": "127.0.0.1", "PrivatePort": 54, "PublicPort": 54, "Type": "udp"}], "Labels": {"b": "2", "a": "1"}, "State": "running", "Status": "Up About a minute", "HostConfig": {"NetworkMode": "bridge"}, "NetworkSettings": {"Networks": {"bridge": {"IPAMConfig": null, "Links": null, "Aliases": null, "NetworkID": "n1", "EndpointID": "e1", "Gateway": "172.17.0.1", "IPAddress": "172.17.0.2", "IPPrefixLen": 16, "IPv6Gateway": "", "GlobalIPv6Address": "", "GlobalIPv6PrefixLen": 0, "MacAddress": "02:42:ac:11:00:02", "DriverOpts": null}}}, "Mounts": [{"Type": "volume", "Name": "0123456789abcdef0123456789", "Source": "/var/lib/docker/volumes/x/_data", "Destination": "/data", "Driver": "local", "Mode": "", "RW": true, "Propagation": ""}, {"Type": "bind", "Source": "/tmp", "Destination": "/t", "Mode": "", "RW": true, "Propagation": "rprivate"}], "SizeRw": 12, "SizeRootFs": 1234567}, {"Id": "9e8f7a4f7ab1f1c3e2d3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d", "Names": ["/old"], "Image": "sha256:2222222222222222222222222222222222222222222222222222222222222222", "ImageID": "sha256:2222222222222222222222222222222222222222222222222222222222222222", "Command": "sh", "Created": 1795176000, "Ports": [], "Labels": {}, "State": "exited", "Status": "Exited (0) 2 days ago", "HostConfig": {"NetworkMode": "none"}, "NetworkSettings": {"Networks": {}}, "Mounts": []}]
        """;

    public const string StatsSample = """
        {"name": "/web", "id": "4f7ab1f1c3e2d3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a", "read": "2026-12-01T21:00:00Z", "preread": "2026-12-01T21:00:00Z", "pids_stats": {"current": 3, "limit": 100}, "blkio_stats": {"io_service_bytes_recursive": [{"major": 8, "minor": 0, "op": "read", "value": 1048576}, {"major": 8, "minor": 0, "op": "write", "value": 4096}, {"major": 8, "minor": 0, "op": "Read", "value": 10}]}, "num_procs": 0, "storage_stats": {}, "cpu_stats": {"cpu_usage": {"total_usage": 200000000, "usage_in_kernelmode": 0, "usage_in_usermode": 0}, "system_cpu_usage": 4000000000, "online_cpus": 2, "throttling_data": {"periods": 0, "throttled_periods": 0, "throttled_time": 0}}, "precpu_stats": {"cpu_usage": {"total_usage": 100000000, "usage_in_kernelmode": 0, "usage_in_usermode": 0}, "system_cpu_usage": 2000000000, "online_cpus": 2, "throttling_data": {"periods": 0, "throttled_periods": 0, "throttled_time": 0}}, "memory_stats": {"usage": 52428800, "stats": {"total_inactive_file": 10485760, "inactive_file": 5}, "limit": 2147483648}, "networks": {"eth0": {"rx_bytes": 1500, "rx_packets": 1, "rx_errors": 0, "rx_dropped": 0, "tx_bytes": 900, "tx_packets": 1, "tx_errors": 0, "tx_dropped": 0}, "eth1": {"rx_bytes": 500, "rx_packets": 1, "rx_errors": 0, "rx_dropped": 0, "tx_bytes": 100, "tx_packets": 1, "tx_errors": 0, "tx_dropped": 0}}}
        """;

    public const string Table = """
        CONTAINER ID   IMAGE          COMMAND                  CREATED              STATUS                  PORTS                                                                              NAMES
        4f7ab1f1c3e2   nginx:latest   "/docker-entrypoint.…"   About a minute ago   Up About a minute       127.0.0.1:53-54->53-54/udp, 443-445/tcp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web
        9e8f7a4f7ab1   222222222222   "sh"                     3 days ago           Exited (0) 2 days ago                                                                                      old

        """;

    public const string SizeTable = """
        CONTAINER ID   IMAGE          COMMAND                  CREATED              STATUS                  PORTS                                                                              NAMES     SIZE
        4f7ab1f1c3e2   nginx:latest   "/docker-entrypoint.…"   About a minute ago   Up About a minute       127.0.0.1:53-54->53-54/udp, 443-445/tcp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web       12B (virtual 1.23MB)
        9e8f7a4f7ab1   222222222222   "sh"                     3 days ago           Exited (0) 2 days ago                                                                                      old       0B

        """;

    public const string NoTruncTable = """
        CONTAINER ID                                                       IMAGE                                                                     COMMAND                                          CREATED              STATUS                  PORTS                                                                              NAMES
        4f7ab1f1c3e2d3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a   nginx:latest                                                              "/docker-entrypoint.sh nginx -g 'daemon off;'"   About a minute ago   Up About a minute       127.0.0.1:53-54->53-54/udp, 443-445/tcp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web,other/alias
        9e8f7a4f7ab1f1c3e2d3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d   sha256:2222222222222222222222222222222222222222222222222222222222222222   "sh"                                             3 days ago           Exited (0) 2 days ago                                                                                      old

        """;

    public const string Json = """
        {"Command":"\"/docker-entrypoint.…\"","CreatedAt":"2026-11-23 11:58:30 +0000 UTC","ID":"4f7ab1f1c3e2","Image":"nginx:latest","Labels":"a=1,b=2","LocalVolumes":"1","Mounts":"0123456789abcd…,/tmp","Names":"web","Networks":"bridge","Platform":null,"Ports":"127.0.0.1:53-54-\u003e53-54/udp, 443-445/tcp, 0.0.0.0:8080-\u003e80/tcp, [::]:8080-\u003e80/tcp","RunningFor":"About a minute ago","Size":"12B (virtual 1.23MB)","State":"running","Status":"Up About a minute"}
        {"Command":"\"sh\"","CreatedAt":"2026-11-20 12:00:00 +0000 UTC","ID":"9e8f7a4f7ab1","Image":"222222222222","Labels":"","LocalVolumes":"0","Mounts":"","Names":"old","Networks":"","Platform":null,"Ports":"","RunningFor":"3 days ago","Size":"0B","State":"exited","Status":"Exited (0) 2 days ago"}

        """;

    public const string Raw = """
        container_id: 4f7ab1f1c3e2
        image: nginx:latest
        command: "/docker-entrypoint.…"
        created_at: 2026-11-23 11:58:30 +0000 UTC
        state: running
        status: Up About a minute
        names: web
        labels: a=1,b=2
        ports: 127.0.0.1:53-54->53-54/udp, 443-445/tcp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp

        container_id: 9e8f7a4f7ab1
        image: 222222222222
        command: "sh"
        created_at: 2026-11-20 12:00:00 +0000 UTC
        state: exited
        status: Exited (0) 2 days ago
        names: old
        labels:
        ports:


        """;

    public const string StatsTable = """
        CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O     BLOCK I/O        PIDS
        4f7ab1f1c3e2   web       10.00%    40MiB / 2GiB        1.95%     2kB / 1kB   1.05MB / 4.1kB   3

        """;

    public const string StatsJson = """
        {"BlockIO":"1.05MB / 4.1kB","CPUPerc":"10.00%","Container":"c1","ID":"4f7ab1f1c3e2d3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a","MemPerc":"1.95%","MemUsage":"40MiB / 2GiB","Name":"web","NetIO":"2kB / 1kB","PIDs":"3"}

        """;
}
