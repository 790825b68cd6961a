using System.Net;
using Wharf.Cli.Commands.Networks;

namespace Wharf.Cli.Tests.Networks;

/// <summary>The Go behaviours the network commands copy: net.ParseCIDR/Contains, pflag's StringSlice, time.String.</summary>
public sealed class NetworkValueTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.255.1.2", true)]
    [InlineData("10.0.0.1/8", "10.9.9.9", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("10.0.0.0/8", "::ffff:10.1.1.1", true)]
    [InlineData("fd00::/64", "fd00::1", true)]
    [InlineData("fd00::/64", "fd00:0:0:1::1", false)]
    [InlineData("fd00::/64", "10.0.0.1", false)]
    [InlineData("0.0.0.0/0", "203.0.113.7", true)]
    [InlineData("172.20.0.0/14", "172.23.255.255", true)]
    [InlineData("172.20.0.0/14", "172.24.0.0", false)]
    public void Cidr_contains_as_go_does(string cidr, string address, bool contained) =>
        Assert.Equal(contained, GoCidr.Parse(cidr).Contains(IPAddress.Parse(address)));

    [Theory]
    [InlineData("bogus")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/+8")]
    [InlineData("010.0.0.0/8")]
    [InlineData("fd00::/129")]
    [InlineData("fe80::1%eth0/64")]
    public void Cidr_parse_rejects_what_go_rejects(string text)
    {
        var error = Assert.Throws<FormatException>(() => GoCidr.Parse(text));
        Assert.Equal("invalid CIDR address: " + text, error.Message);
    }

    [Fact]
    public void String_slices_split_each_occurrence_as_csv()
    {
        Assert.Equal(["a", "b", "c,d", "e"], FlagValues.StringSlice(["a,b", "\"c,d\"", "", "e"]));
        Assert.NotNull(FlagValues.ValidateStringSlice("a\"b"));
        Assert.Null(FlagValues.ValidateStringSlice("a,\"b,c\""));
    }

    [Fact]
    public void Key_values_keep_the_last_value_and_allow_a_missing_one()
    {
        var map = FlagValues.KeyValues(["a=1", "b", "a=2", "c=x=y"]);

        Assert.Equal([new("a", "2"), new("b", ""), new("c", "x=y")], map.ToList());
    }

    [Theory]
    [InlineData("2026-11-23T12:00:00.123456789Z", "2026-11-23 12:00:00.123456789 +0000 UTC")]
    [InlineData("2026-11-23T12:00:00.120000000Z", "2026-11-23 12:00:00.12 +0000 UTC")]
    [InlineData("2026-11-23T12:00:00.000Z", "2026-11-23 12:00:00 +0000 UTC")]
    [InlineData("2026-11-23T12:00:00+00:00", "2026-11-23 12:00:00 +0000 UTC")]
    [InlineData("2026-11-23T12:00:00.5-03:30", "2026-11-23 12:00:00.5 -0330 -0330")]
    [InlineData("", "0001-01-01 00:00:00 +0000 UTC")]
    [InlineData("yesterday", "0001-01-01 00:00:00 +0000 UTC")]
    [InlineData("2026-13-23T12:00:00Z", "0001-01-01 00:00:00 +0000 UTC")]
    public void Created_times_print_as_gos_time_string(string created, string printed) =>
        Assert.Equal(printed, GoTimeString.FromRfc3339(created));
}
