using Wharf.Engine.Containers.Oci;

namespace Wharf.Engine.Tests.Containers.Oci;

public sealed class HostFactsTests
{
    [Fact]
    public void Open_files_hard_limit_is_read_from_proc_limits()
    {
        const string Limits = """
            Limit                     Soft Limit           Hard Limit           Units
            Max processes             94213                94213                processes
            Max open files            1024                 20000                files
            """;

        Assert.Equal(20000UL, HostFactsProbe.ParseOpenFilesHardLimit(Limits));
        Assert.Null(HostFactsProbe.ParseOpenFilesHardLimit("Max open files            unlimited            unlimited            files"));
    }

    [Theory]
    [InlineData("6.18.44-fc-v1045", 6, 18)]
    [InlineData("6.1.0-18-amd64", 6, 1)]
    [InlineData("4.8", 4, 8)]
    [InlineData("5", 5, 0)]
    public void Kernel_versions_compare_by_major_and_minor(string release, int major, int minor)
    {
        Assert.Equal((major, minor), KernelVersion.Parse(release));
        Assert.True(KernelVersion.AtLeast(major, minor, release));
        Assert.False(KernelVersion.AtLeast(major, minor, $"{major}.{minor + 1}"));
    }

    [Fact]
    public void Capability_masks_name_their_bits_up_to_the_last_capability()
    {
        Assert.Equal(["CAP_CHOWN", "CAP_KILL", "CAP_SYS_ADMIN"], CapabilityNames.FromMask((1UL << 0) | (1UL << 5) | (1UL << 21) | (1UL << 40), lastCapability: 39));
    }

    [Fact]
    public void This_host_is_detected()
    {
        var host = HostFactsProbe.Detect();

        Assert.True(host.CpuCount > 0);
        Assert.True(host.KernelMajor >= 4);
        Assert.Contains("CAP_KILL", host.AvailableCapabilities);
        Assert.NotEmpty(host.CpusetCpus);
        Assert.True(host.OpenFilesHardLimit > 0);
    }

    [Fact]
    public void Go_quoting_escapes_like_percent_q()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\x01\"", GoQuote.Quote("a\"b\\c\n\u0001"));
    }
}
