using Wharf.Api.Time;
using Wharf.Cli.Formatting;

namespace Wharf.Cli.Tests;

public sealed class UnitsTests
{
    [Theory]
    [InlineData(0, "0B")]
    [InlineData(999, "999B")]
    [InlineData(1000, "1kB")]
    [InlineData(1024, "1.024kB")]
    [InlineData(1090000, "1.09MB")]
    [InlineData(3457000000, "3.457GB")]
    [InlineData(3457400000, "3.457GB")]
    [InlineData(999950, "1000kB")]
    [InlineData(1e18, "1EB")]
    public void HumanSize_matches_go_units(double size, string expected)
    {
        Assert.Equal(expected, Units.HumanSize(size));
    }

    [Theory]
    [InlineData(1094000, "1.09MB")]
    [InlineData(7500000, "7.5MB")]
    [InlineData(187700000, "188MB")]
    public void HumanSize_with_precision_3(double size, string expected)
    {
        Assert.Equal(expected, Units.HumanSizeWithPrecision(size, 3));
    }

    [Theory]
    [InlineData(8319635456, "7.748GiB")]
    [InlineData(1024, "1KiB")]
    [InlineData(0, "0B")]
    public void BytesSize_matches_go_units(double size, string expected)
    {
        Assert.Equal(expected, Units.BytesSize(size));
    }

    [Theory]
    [InlineData(0.5, "Less than a second")]
    [InlineData(1, "1 second")]
    [InlineData(59, "59 seconds")]
    [InlineData(60, "About a minute")]
    [InlineData(3599, "59 minutes")]
    [InlineData(3600, "About an hour")]
    [InlineData(5400, "2 hours")]
    [InlineData(3 * 86400, "3 days")]
    [InlineData(15 * 86400, "2 weeks")]
    [InlineData(90 * 86400, "3 months")]
    [InlineData(800 * 86400, "2 years")]
    public void HumanDuration_matches_go_units(double seconds, string expected)
    {
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
    }
}
