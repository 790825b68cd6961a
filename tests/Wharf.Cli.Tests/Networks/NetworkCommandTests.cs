using System.Text.Json;
using Wharf.Cli.Tests.Containers;

namespace Wharf.Cli.Tests.Networks;

/// <summary>The network commands against a scripted daemon: the requests docker's CLI sends, its output and exit codes.</summary>
public sealed class NetworkCommandTests
{
    private const string FrontId = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly string Front = $$$"""{"Name":"front","Id":"{{{FrontId}}}","Created":"2026-11-23T12:00:00.5Z","Scope":"local","Driver":"bridge","EnableIPv4":true,"EnableIPv6":false,"IPAM":{"Driver":"default","Options":{},"Config":[{"Subnet":"172.30.0.0/16","Gateway":"172.30.0.1"}]},"Internal":false,"Attachable":false,"Ingress":false,"ConfigFrom":{"Network":""},"ConfigOnly":false,"Containers":{},"Options":{},"Labels":{"tier":"web","team":""}}""";

    private const string Host = """{"Name":"host","Id":"fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210","Created":"2026-11-23T11:00:00.123456789+01:00","Scope":"local","Driver":"host","EnableIPv4":true,"EnableIPv6":false,"IPAM":{"Driver":"default","Config":null},"Internal":true,"Attachable":false,"Ingress":false,"ConfigFrom":{"Network":""},"ConfigOnly":false,"Containers":{},"Options":{},"Labels":{}}""";

    private const string Net10 = """{"Name":"net10","Id":"aaaabbbbccccdddd","Created":"2026-11-23T12:00:00Z","Scope":"local","Driver":"bridge","Labels":{}}""";

    private const string Net9 = """{"Name":"net9","Id":"9999","Created":"","Scope":"local","Driver":"bridge","Labels":{}}""";

    private static ScriptedDaemon Daemon() => new(async exchange =>
    {
        var request = exchange.Request;
        switch (request.Method, request.Path)
        {
            case ("GET", "/networks"):
                await exchange.RespondAsync(200, $"[{Net10},{Host},{Front},{Net9}]");
                return;
            case ("GET", "/networks/front"):
                await exchange.RespondAsync(200, Front);
                return;
            case ("GET", "/networks/host"):
                await exchange.RespondAsync(200, Host);
                return;
            case ("DELETE", "/networks/front"):
                await exchange.NoContentAsync();
                return;
            case ("DELETE", "/networks/host"):
                await exchange.RespondAsync(403, """{"message":"host is a pre-defined network and cannot be removed"}""");
                return;
            case ("POST", "/networks/create"):
                await exchange.RespondAsync(201, """{"Id":"4f1c","Warning":""}""");
                return;
            case ("POST", "/networks/prune"):
                await exchange.RespondAsync(200, """{"NetworksDeleted":["front","back"]}""");
                return;
            case ("POST", "/networks/front/connect"):
            case ("POST", "/networks/front/disconnect"):
                await exchange.RespondAsync(200, "");
                return;
            case ("POST", _):
                await exchange.RespondAsync(404, """{"message":"No such container: nope"}""");
                return;
        }

        var name = request.Path.Split('/')[2];
        await exchange.RespondAsync(404, request.Path.StartsWith("/networks/", StringComparison.Ordinal)
            ? $$"""{"message":"network {{name}} not found"}"""
            : $$"""{"message":"No such object: {{name}}"}""");
    });

    [Fact]
    public async Task Create_sends_dockers_request_and_prints_the_id()
    {
        await using var daemon = Daemon();

        var result = await NetworkCli.RunAsync(daemon.Host, "network", "create", "--subnet", "10.1.0.0/16,fd00:1::/64", "--gateway", "10.1.0.254", "--ip-range", "10.1.2.0/24", "--aux-address", "router=10.1.0.2", "--internal", "--ipv6", "--label", "a=b", "--label", "c", "-o", "com.docker.network.bridge.name=br-x", "-o", "com.docker.network.driver.mtu=1400", "--attachable", "back");

        Assert.Equal((0, "4f1c\n", ""), result);
        var body = JsonDocument.Parse(daemon.Single("POST", "/networks/create").Body).RootElement;
        Assert.Equal("back", body.GetProperty("Name").GetString());
        Assert.Equal("bridge", body.GetProperty("Driver").GetString());
        Assert.True(body.GetProperty("Internal").GetBoolean());
        Assert.True(body.GetProperty("Attachable").GetBoolean());
        Assert.True(body.GetProperty("EnableIPv6").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("EnableIPv4").ValueKind);
        Assert.Equal("""{"Driver":"default","Config":[{"Subnet":"10.1.0.0/16","IPRange":"10.1.2.0/24","Gateway":"10.1.0.254","AuxiliaryAddresses":{"router":"10.1.0.2"}},{"Subnet":"fd00:1::/64"}],"Options":{}}""", body.GetProperty("IPAM").GetRawText());
        Assert.Equal("""{"com.docker.network.bridge.name":"br-x","com.docker.network.driver.mtu":"1400"}""", body.GetProperty("Options").GetRawText());
        Assert.Equal("""{"a":"b","c":""}""", body.GetProperty("Labels").GetRawText());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ConfigFrom").ValueKind);
    }

    [Fact]
    public async Task Create_sends_ipv4_only_when_the_flag_is_given()
    {
        await using var daemon = Daemon();

        var result = await NetworkCli.RunAsync(daemon.Host, "network", "create", "--ipv4=false", "-d", "bridge", "--config-from", "tmpl", "n");

        Assert.Equal(0, result.ExitCode);
        var body = JsonDocument.Parse(daemon.Single("POST", "/networks/create").Body).RootElement;
        Assert.False(body.GetProperty("EnableIPv4").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("EnableIPv6").ValueKind);
        Assert.Equal("""{"Network":"tmpl"}""", body.GetProperty("ConfigFrom").GetRawText());
        Assert.Equal("""{"Driver":"default","Config":[],"Options":{}}""", body.GetProperty("IPAM").GetRawText());
    }

    [Theory]
    [InlineData(new[] { "--gateway", "10.0.0.1" }, "every ip-range or gateway must have a corresponding subnet")]
    [InlineData(new[] { "--subnet", "10.0.0.0/8", "--subnet", "10.1.0.0/16" }, "multiple overlapping subnet configuration is not supported")]
    [InlineData(new[] { "--subnet", "10.1.0.0/16", "--subnet", "10.0.0.0/8" }, "multiple overlapping subnet configuration is not supported")]
    [InlineData(new[] { "--subnet", "10.0.0.0/8", "--gateway", "11.0.0.1" }, "no matching subnet for gateway 11.0.0.1")]
    [InlineData(new[] { "--subnet", "10.0.0.0/8", "--gateway", "bogus" }, "no matching subnet for gateway bogus")]
    [InlineData(new[] { "--subnet", "10.0.0.0/8", "--ip-range", "11.0.0.0/24" }, "no matching subnet for range 11.0.0.0/24")]
    [InlineData(new[] { "--subnet", "10.0.0.0/8", "--ip-range", "bogus" }, "invalid CIDR address: bogus")]
    [InlineData(new[] { "--subnet", "10.0.0.0/8", "--subnet", "10.1.0.0/33" }, "invalid subnet: invalid CIDR address: 10.1.0.0/33")]
    [InlineData(new[] { "--subnet", "10.0.0.0/8,11.0.0.0/8", "--ip-range", "10.0.0.0/24,10.1.0.0/24" }, "cannot configure multiple ranges (10.1.0.0/24, 10.0.0.0/24) on the same subnet (10.0.0.0/8)")]
    [InlineData(new[] { "--subnet", "10.0.0.0/8,11.0.0.0/8", "--gateway", "10.0.0.1", "--gateway", "10.0.0.2" }, "cannot configure multiple gateways (10.0.0.2, 10.0.0.1) for the same subnet (10.0.0.0/8)")]
    [InlineData(new[] { "--subnet", "10.0.0.0/8", "--aux-address", "a=11.0.0.1" }, "no matching subnet for aux-address 11.0.0.1")]
    public async Task Create_refuses_ipam_settings_that_do_not_pair_with_a_subnet_as_docker_does(string[] flags, string error)
    {
        await using var daemon = Daemon();

        var result = await NetworkCli.RunAsync(daemon.Host, ["network", "create", .. flags, "n"]);

        Assert.Equal((1, "", error + "\n"), result);
        Assert.Empty(daemon.Lines);
    }

    [Fact]
    public async Task Create_checks_labels_and_arguments_while_parsing_flags()
    {
        await using var daemon = Daemon();

        var badLabel = await NetworkCli.RunAsync(daemon.Host, "network", "create", "--label", "=x", "n");
        var noName = await NetworkCli.RunAsync(daemon.Host, "network", "create");

        Assert.Equal((125, ""), (badLabel.ExitCode, badLabel.Out));
        Assert.StartsWith("invalid argument \"=x\" for \"--label\" flag: invalid label '=x': empty name\n", badLabel.Err, StringComparison.Ordinal);
        Assert.StartsWith("wharf: 'wharf network create' requires 1 argument\n", noName.Err, StringComparison.Ordinal);
        Assert.Empty(daemon.Lines);
    }

    [Fact]
    public async Task Create_reports_the_daemons_refusal()
    {
        await using var daemon = new ScriptedDaemon(exchange => exchange.RespondAsync(409, """{"message":"network with name front already exists"}"""));

        var result = await NetworkCli.RunAsync(daemon.Host, "network", "create", "front");

        Assert.Equal((1, "", "Error response from daemon: network with name front already exists\n"), result);
    }

    [Fact]
    public async Task Ls_prints_dockers_table_in_natural_name_order()
    {
        await using var daemon = Daemon();

        var result = await NetworkCli.RunAsync(daemon.Host, "network", "ls");

        Assert.Equal((0, "NETWORK ID     NAME      DRIVER    SCOPE\n0123456789ab   front     bridge    local\nfedcba987654   host      host      local\n9999           net9      bridge    local\naaaabbbbcccc   net10     bridge    local\n", ""), result);
        Assert.Equal(["GET /networks"], daemon.Lines);
    }

    [Theory]
    [InlineData(new[] { "-q" }, "0123456789ab\nfedcba987654\n9999\naaaabbbbcccc\n")]
    [InlineData(new[] { "-q", "--no-trunc" }, FrontId + "\nfedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210\n9999\naaaabbbbccccdddd\n")]
    [InlineData(new[] { "--format", "{{.Name}}|{{.Labels}}|{{.Label \"tier\"}}|{{.Internal}}|{{.IPv4}}|{{.CreatedAt}}", "-q" }, "front|tier=web,team=|web|false|true|2026-11-23 12:00:00.5 +0000 UTC\nhost|||true|true|2026-11-23 11:00:00.123456789 +0100 +0100\nnet9|||false|false|0001-01-01 00:00:00 +0000 UTC\nnet10|||false|false|2026-11-23 12:00:00 +0000 UTC\n")]
    [InlineData(new[] { "--format", "table {{.Name}}\t{{.Internal}}" }, "NAME      INTERNAL\nfront     false\nhost      true\nnet9      false\nnet10     false\n")]
    [InlineData(new[] { "--format", "raw", "-q" }, "network_id: 0123456789ab\nnetwork_id: fedcba987654\nnetwork_id: 9999\nnetwork_id: aaaabbbbcccc\n")]
    public async Task Ls_formats(string[] flags, string output)
    {
        await using var daemon = Daemon();

        var (code, actual, error) = await NetworkCli.RunAsync(daemon.Host, ["network", "ls", .. flags]);

        Assert.Equal((0, ""), (code, error));
        Assert.Equal(output, actual);
    }

    [Fact]
    public async Task Ls_json_has_dockers_fields_in_sorted_order()
    {
        await using var daemon = Daemon();

        var (_, output, _) = await NetworkCli.RunAsync(daemon.Host, "network", "list", "--format", "json", "--filter", "driver=bridge", "-f", "label=tier");

        Assert.Equal("""{"CreatedAt":"2026-11-23 12:00:00.5 +0000 UTC","Driver":"bridge","ID":"0123456789ab","IPv4":"true","IPv6":"false","Internal":"false","Labels":"tier=web,team=","Name":"front","Scope":"local"}""", output.Split('\n')[0]);
        Assert.Equal("GET /networks?filters=%7B%22driver%22%3A%7B%22bridge%22%3Atrue%7D%2C%22label%22%3A%7B%22tier%22%3Atrue%7D%7D", daemon.Lines[0]);
    }

    [Fact]
    public async Task Ls_rejects_a_bad_template_and_a_bad_filter()
    {
        await using var daemon = Daemon();

        var template = await NetworkCli.RunAsync(daemon.Host, "network", "ls", "--format", "{{.Bad");
        var filter = await NetworkCli.RunAsync(daemon.Host, "network", "ls", "-f", "driver");

        Assert.Equal(1, template.ExitCode);
        Assert.StartsWith("template parsing error: ", template.Err, StringComparison.Ordinal);
        Assert.Equal(125, filter.ExitCode);
        Assert.StartsWith("invalid argument \"driver\" for \"-f, --filter\" flag: bad format of filter (expected name=value)\n", filter.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_prints_the_found_networks_then_the_missing_ones()
    {
        await using var daemon = Daemon();

        var (code, output, error) = await NetworkCli.RunAsync(daemon.Host, "network", "inspect", "front", "nope");

        Assert.Equal((1, "Error response from daemon: network nope not found\n"), (code, error));
        Assert.StartsWith("[\n    {\n        \"Name\": \"front\",\n        \"Id\": \"" + FrontId + "\",\n", output, StringComparison.Ordinal);
        Assert.EndsWith("        }\n    }\n]\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_of_only_missing_networks_prints_an_empty_array()
    {
        await using var daemon = Daemon();

        var result = await NetworkCli.RunAsync(daemon.Host, "network", "inspect", "nope");

        Assert.Equal((1, "[]\n", "Error response from daemon: network nope not found\n"), result);
    }

    [Fact]
    public async Task Inspect_templates_and_verbose()
    {
        await using var daemon = Daemon();

        var result = await NetworkCli.RunAsync(daemon.Host, "network", "inspect", "-v", "-f", "{{.Name}} {{.Driver}} {{.Scope}}", "front", "host");

        Assert.Equal((0, "front bridge local\nhost host local\n", ""), result);
        Assert.Equal(["GET /networks/front?verbose=true", "GET /networks/host?verbose=true"], daemon.Lines);
    }

    [Fact]
    public async Task Top_level_inspect_finds_a_network_after_trying_containers_and_images()
    {
        await using var daemon = Daemon();

        var found = await NetworkCli.RunAsync(daemon.Host, "inspect", "-f", "{{.Name}}", "front");
        var typed = await NetworkCli.RunAsync(daemon.Host, "inspect", "--type", "network", "nope");
        var nothing = await NetworkCli.RunAsync(daemon.Host, "inspect", "nope");

        Assert.Equal((0, "front\n", ""), found);
        Assert.Equal(["GET /containers/front/json", "GET /images/front/json", "GET /networks/front"], daemon.Lines.Take(3));
        Assert.Equal((1, "[]\n", "Error response from daemon: network nope not found\n"), typed);
        Assert.Equal((1, "[]\n", "Error: No such object: nope\n"), nothing);
    }

    [Fact]
    public async Task Rm_goes_on_after_a_failure_and_ends_with_dockers_exit_status()
    {
        await using var daemon = Daemon();

        var result = await NetworkCli.RunAsync(daemon.Host, "network", "rm", "host", "front", "nope");

        Assert.Equal((1, "front\n", "Error response from daemon: host is a pre-defined network and cannot be removed\nError response from daemon: network nope not found\nexit status 1\n"), result);
        Assert.Equal(["GET /networks/host", "DELETE /networks/host", "GET /networks/front", "DELETE /networks/front", "GET /networks/nope", "DELETE /networks/nope"], daemon.Lines);
    }

    [Fact]
    public async Task Forced_rm_is_silent_about_missing_networks_only()
    {
        await using var daemon = Daemon();

        var missing = await NetworkCli.RunAsync(daemon.Host, "network", "remove", "-f", "nope", "front");
        var refused = await NetworkCli.RunAsync(daemon.Host, "network", "rm", "-f", "host");

        Assert.Equal((0, "front\n", ""), missing);
        Assert.Equal((1, "", "Error response from daemon: host is a pre-defined network and cannot be removed\nexit status 1\n"), refused);
    }

    [Fact]
    public async Task Prune_asks_first_and_does_nothing_when_refused()
    {
        await using var daemon = Daemon();

        var result = await NetworkCli.RunWithInputAsync(daemon.Host, "n\n", "network", "prune");

        Assert.Equal((0, "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ", ""), result);
        Assert.Empty(daemon.Lines);
    }

    [Fact]
    public async Task Prune_prints_the_removed_networks()
    {
        await using var daemon = Daemon();

        var confirmed = await NetworkCli.RunWithInputAsync(daemon.Host, "y\n", "network", "prune", "--filter", "label=tmp");
        var forced = await NetworkCli.RunAsync(daemon.Host, "network", "prune", "-f");

        Assert.Equal((0, "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] Deleted Networks:\nfront\nback\n\n", ""), confirmed);
        Assert.Equal((0, "Deleted Networks:\nfront\nback\n\n", ""), forced);
        Assert.Equal(["POST /networks/prune?filters=%7B%22label%22%3A%7B%22tmp%22%3Atrue%7D%7D", "POST /networks/prune"], daemon.Lines);
    }

    [Fact]
    public async Task Prune_with_nothing_removed_prints_nothing()
    {
        await using var daemon = new ScriptedDaemon(exchange => exchange.RespondAsync(200, """{"NetworksDeleted":null}"""));

        var result = await NetworkCli.RunAsync(daemon.Host, "network", "prune", "-f");

        Assert.Equal((0, "", ""), result);
    }

    [Fact]
    public async Task Connect_sends_the_endpoint_settings_docker_sends()
    {
        await using var daemon = Daemon();

        var result = await NetworkCli.RunAsync(daemon.Host, "network", "connect", "--alias", "web,www", "--alias", "api", "--ip", "172.30.0.9", "--ip6", "fd00::9", "--link", "db:database", "--link-local-ip", "169.254.0.9", "--driver-opt", "com.example=1", "--gw-priority=-5", "front", "c1");

        Assert.Equal((0, "", ""), result);
        var body = JsonDocument.Parse(daemon.Single("POST", "/networks/front/connect").Body).RootElement;
        Assert.Equal("c1", body.GetProperty("Container").GetString());
        var endpoint = body.GetProperty("EndpointConfig");
        Assert.Equal("""{"IPv4Address":"172.30.0.9","IPv6Address":"fd00::9","LinkLocalIPs":["169.254.0.9"]}""", endpoint.GetProperty("IPAMConfig").GetRawText());
        Assert.Equal("""["db:database"]""", endpoint.GetProperty("Links").GetRawText());
        Assert.Equal("""["web","www","api"]""", endpoint.GetProperty("Aliases").GetRawText());
        Assert.Equal("""{"com.example":"1"}""", endpoint.GetProperty("DriverOpts").GetRawText());
        Assert.Equal(-5, endpoint.GetProperty("GwPriority").GetInt32());
    }

    [Fact]
    public async Task Connect_without_options_sends_empty_settings_and_reports_errors()
    {
        await using var daemon = Daemon();

        var plain = await NetworkCli.RunAsync(daemon.Host, "network", "connect", "front", "c1");
        var missing = await NetworkCli.RunAsync(daemon.Host, "network", "connect", "nope", "c1");
        var badOption = await NetworkCli.RunAsync(daemon.Host, "network", "connect", "--driver-opt", "novalue", "front", "c1");
        var oneArgument = await NetworkCli.RunAsync(daemon.Host, "network", "connect", "front");

        Assert.Equal((0, "", ""), plain);
        var endpoint = JsonDocument.Parse(daemon.Single("POST", "/networks/front/connect").Body).RootElement.GetProperty("EndpointConfig");
        Assert.Equal("{}", endpoint.GetProperty("IPAMConfig").GetRawText());
        Assert.Equal(JsonValueKind.Null, endpoint.GetProperty("Links").ValueKind);
        Assert.Equal("[]", endpoint.GetProperty("Aliases").GetRawText());
        Assert.Equal((1, "", "Error response from daemon: No such container: nope\n"), missing);
        Assert.Equal((1, "", "invalid key/value pair format in driver options\n"), badOption);
        Assert.Equal(1, oneArgument.ExitCode);
        Assert.StartsWith("wharf: 'wharf network connect' requires 2 arguments\n", oneArgument.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disconnect_sends_the_container_and_force()
    {
        await using var daemon = Daemon();

        var result = await NetworkCli.RunAsync(daemon.Host, "network", "disconnect", "-f", "front", "c1");

        Assert.Equal((0, "", ""), result);
        Assert.Equal("""{"Container":"c1","Force":true}""", daemon.Single("POST", "/networks/front/disconnect").Body);
    }

    [Fact]
    public async Task The_group_lists_dockers_subcommands()
    {
        var (code, output, _) = await NetworkCli.RunAsync("unix:///nonexistent.sock", "network", "--help");

        Assert.Equal(0, code);
        Assert.Equal("Usage:  wharf network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n  create      Create a network\n  disconnect  Disconnect a container from a network\n  inspect     Display detailed information on one or more networks\n  ls          List networks\n  prune       Remove all unused networks\n  rm          Remove one or more networks\n\nRun 'wharf network COMMAND --help' for more information on a command.\n", output);
    }
}
