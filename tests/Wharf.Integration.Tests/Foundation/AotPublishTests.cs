using Wharf.Integration.Tests.Harness;

namespace Wharf.Integration.Tests.Foundation;

/// <summary>wharfd, wharf and wharf-shim are NativeAOT executables, published without a single warning.</summary>
public sealed class AotPublishTests
{
    private static readonly byte[] ElfMagic = [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    [Theory]
    [InlineData(WharfBinaries.DaemonName)]
    [InlineData(WharfBinaries.CliName)]
    [InlineData(WharfBinaries.ShimName)]
    public void Publish_log_has_no_warnings(string name)
    {
        var logPath = WharfBinaries.PublishLog(name);
        Assert.True(File.Exists(logPath), $"{logPath} is missing: publish through scripts/test.sh or let the harness publish");

        var warnings = File.ReadLines(logPath)
            .Where(line => line.Contains("warning", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.True(warnings.Count == 0, $"{logPath} has warnings:\n{string.Join('\n', warnings)}");
    }

    [Theory]
    [InlineData(WharfBinaries.DaemonName)]
    [InlineData(WharfBinaries.CliName)]
    [InlineData(WharfBinaries.ShimName)]
    public void Binary_is_a_native_elf_executable(string name)
    {
        var path = Path.Combine(WharfBinaries.Directory, name);

        var header = new byte[4];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        Assert.Equal(ElfMagic, header);
        Assert.True((File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0, $"{path} is not executable");
        Assert.False(File.Exists(Path.Combine(WharfBinaries.Directory, name + ".dll")), $"{name}.dll next to {path}: not a NativeAOT build");
    }
}
