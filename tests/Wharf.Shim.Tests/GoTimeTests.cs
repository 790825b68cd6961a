using System.Globalization;
using Wharf.Shim.Protocol;

namespace Wharf.Shim.Tests;

public sealed class GoTimeTests
{
    [Theory]
    [InlineData(0L, "1970-01-01T00:00:00Z")]
    [InlineData(1_700_000_000_123_456_789L, "2023-11-14T22:13:20.123456789Z")]
    [InlineData(1_700_000_000_120_000_000L, "2023-11-14T22:13:20.12Z")]
    [InlineData(1_709_164_800_000_000_001L, "2024-02-29T00:00:00.000000001Z")]
    [InlineData(-1L, "1969-12-31T23:59:59.999999999Z")]
    [InlineData(951_782_400_500_000_000L, "2000-02-29T00:00:00.5Z")]
    public void FormatsLikeGosRfc3339Nano(long unixNanoseconds, string expected) =>
        Assert.Equal(expected, GoTime.FormatRfc3339Nano(unixNanoseconds));

    [Fact]
    public void CalendarArithmeticAgreesWithDateTimeFromTheSixteenthToTheTwentyThirdCentury()
    {
        var random = new Random(42);
        for (var i = 0; i < 5000; i++)
        {
            var seconds = random.NextInt64(-9_000_000_000L, 9_000_000_000L);
            var expected = DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            Assert.Equal(expected, GoTime.FormatRfc3339Nano(seconds * 1_000_000_000L));
        }
    }

    [Theory]
    [InlineData("2023-11-14T22:13:20.123456789Z", 1_700_000_000_123_456_789L)]
    [InlineData("2023-11-14T22:13:20Z", 1_700_000_000_000_000_000L)]
    [InlineData("2023-11-15T00:13:20.5+02:00", 1_700_000_000_500_000_000L)]
    [InlineData("2023-11-14T21:13:20-01:00", 1_700_000_000_000_000_000L)]
    public void ParsesRfc3339(string text, long expected)
    {
        Assert.True(GoTime.TryParseRfc3339Nano(text, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2023-11-14 22:13:20Z")]
    [InlineData("2023-13-14T22:13:20Z")]
    [InlineData("2023-11-14T22:13:20.Z")]
    [InlineData("2023-11-14T22:13:20")]
    public void RejectsWhatIsNotRfc3339(string text) => Assert.False(GoTime.TryParseRfc3339Nano(text, out _));
}
