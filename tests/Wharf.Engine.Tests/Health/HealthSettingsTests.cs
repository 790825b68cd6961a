using Wharf.Api;
using Wharf.Engine.Health;

namespace Wharf.Engine.Tests.Health;

public sealed class HealthSettingsTests
{
    [Fact]
    public void Zero_values_take_dockerds_defaults()
    {
        var settings = HealthSettings.From(new ContainerConfig { Healthcheck = new HealthConfig { Test = ["CMD", "true"] } });

        Assert.NotNull(settings);
        Assert.Equal(["true"], settings.Command);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Interval);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Timeout);
        Assert.Equal(TimeSpan.Zero, settings.StartPeriod);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.StartInterval);
        Assert.Equal(3, settings.Retries);
    }

    [Fact]
    public void Cmd_shell_goes_through_the_containers_shell()
    {
        var plain = HealthSettings.From(new ContainerConfig { Healthcheck = new HealthConfig { Test = ["CMD-SHELL", "test -f /tmp/ok"], Interval = 1_000_000_000, Retries = 2 } });
        var custom = HealthSettings.From(new ContainerConfig { Shell = ["/bin/bash", "-ec"], Healthcheck = new HealthConfig { Test = ["CMD-SHELL", "true"] } });

        Assert.Equal(["/bin/sh", "-c", "test -f /tmp/ok"], plain!.Command);
        Assert.Equal(TimeSpan.FromSeconds(1), plain.Interval);
        Assert.Equal(2, plain.Retries);
        Assert.Equal(["/bin/bash", "-ec", "true"], custom!.Command);
    }

    [Theory]
    [InlineData("NONE")]
    [InlineData("SOMETHING")]
    public void None_or_an_unknown_type_means_no_probe(string type)
    {
        Assert.Null(HealthSettings.From(new ContainerConfig { Healthcheck = new HealthConfig { Test = [type] } }));
        Assert.Null(HealthSettings.From(new ContainerConfig()));
        Assert.Null(HealthSettings.From(new ContainerConfig { Healthcheck = new HealthConfig { Test = [] } }));
    }

    [Theory]
    [InlineData(30_000_000_000L, "30s")]
    [InlineData(1_500_000_000L, "1.5s")]
    [InlineData(500_000_000L, "500ms")]
    [InlineData(90_000_000_000L, "1m30s")]
    [InlineData(3_600_000_000_000L, "1h0m0s")]
    [InlineData(2_000L, "2µs")]
    [InlineData(0L, "0s")]
    public void Durations_print_like_go(long nanoseconds, string expected)
    {
        Assert.Equal(expected, GoDurationText.Format(TimeSpan.FromTicks(nanoseconds / 100)));
    }

    [Fact]
    public void Output_keeps_4096_bytes_and_marks_the_rest()
    {
        var output = new LimitedOutput();
        output.Write(new byte[4000].AsSpan().ToArray().Select(_ => (byte)'a').ToArray());
        output.Write(new byte[200].Select(_ => (byte)'b').ToArray());

        var text = output.ToString();

        Assert.Equal(4096 + 3, text.Length);
        Assert.EndsWith("b...", text, StringComparison.Ordinal);
    }
}
