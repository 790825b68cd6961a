using Wharf.Api;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers;

public sealed class LogConfigRulesTests
{
    private static readonly Dictionary<string, string> DaemonOptions = new() { ["max-size"] = "10m" };

    [Fact]
    public void An_unset_config_gets_the_daemons_driver_and_options()
    {
        var config = LogConfigRules.Merge(null, "json-file", DaemonOptions);

        Assert.Equal("json-file", config.Type);
        Assert.Equal("10m", config.Config["max-size"]);
    }

    [Fact]
    public void Another_driver_does_not_get_the_daemons_options()
    {
        var config = LogConfigRules.Merge(new LogConfig { Type = "none" }, "json-file", DaemonOptions);

        Assert.Empty(config.Config);
    }

    [Theory]
    [InlineData("syslog", "x", "1", "logger: no log driver named 'syslog' is registered")]
    [InlineData("json-file", "foo", "1", "unknown log opt 'foo' for json-file log driver")]
    [InlineData("local", "tag", "1", "unknown log opt 'tag' for log driver local")]
    [InlineData("json-file", "max-file", "0", "max-file cannot be less than 1")]
    [InlineData("json-file", "max-size", "abc", "invalid size: 'abc'")]
    [InlineData("json-file", "mode", "fast", "logger: logging mode not supported: fast")]
    public void Invalid_options_have_the_drivers_message(string driver, string key, string value, string message)
    {
        var error = Assert.Throws<EngineException>(() => LogConfigRules.Merge(new LogConfig { Type = driver, Config = new() { [key] = value } }, "json-file", new Dictionary<string, string>()));

        Assert.Equal(message, error.Message);
        Assert.Equal(ErrorKind.InvalidParameter, error.Kind);
    }

    [Theory]
    [InlineData("10", 10)]
    [InlineData("10k", 10_000)]
    [InlineData("1.5m", 1_500_000)]
    [InlineData("2GB", 2_000_000_000)]
    public void Sizes_are_decimal(string text, long expected) => Assert.Equal(expected, LogConfigRules.ParseHumanSize(text));
}
