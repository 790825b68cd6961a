using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers;

public sealed class SignalsTests
{
    [Theory]
    [InlineData("KILL", 9)]
    [InlineData("SIGKILL", 9)]
    [InlineData("sigterm", 15)]
    [InlineData("hup", 1)]
    [InlineData("9", 9)]
    [InlineData("USR1", 10)]
    [InlineData("RTMIN+3", 37)]
    [InlineData("SIGRTMAX-1", 63)]
    public void Names_and_numbers(string text, int expected) => Assert.Equal(expected, Signals.Parse(text));

    [Theory]
    [InlineData("FOO")]
    [InlineData("0")]
    [InlineData("")]
    public void Unknown_signals_have_dockers_message(string text)
    {
        var error = Assert.Throws<EngineException>(() => Signals.Parse(text));

        Assert.Equal($"Invalid signal: {text}", error.Message);
        Assert.Equal(ErrorKind.InvalidParameter, error.Kind);
    }

    [Fact]
    public void Kill_refuses_numbers_linux_does_not_have() =>
        Assert.Equal("the linux daemon does not support signal 99", Assert.Throws<EngineException>(() => Signals.ParseForKill("99")).Message);
}
