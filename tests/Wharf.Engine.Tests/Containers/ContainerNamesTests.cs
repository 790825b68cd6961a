using System.Text.RegularExpressions;
using Wharf.Engine.Containers;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerNamesTests
{
    [Theory]
    [InlineData("web", "/web")]
    [InlineData("/web", "/web")]
    [InlineData("a.b_c-d", "/a.b_c-d")]
    [InlineData("0x", "/0x")]
    public void Valid_names_get_their_leading_slash(string name, string expected) => Assert.Equal(expected, ContainerNames.Normalize(name));

    [Theory]
    [InlineData("a")]
    [InlineData("-web")]
    [InlineData("we b")]
    [InlineData("web/x")]
    [InlineData("_web")]
    public void Invalid_names_are_refused_with_dockers_message(string name)
    {
        var error = Assert.Throws<EngineException>(() => ContainerNames.Normalize(name));

        Assert.Equal(ErrorKind.InvalidParameter, error.Kind);
        Assert.Equal($"Invalid container name ({name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", error.Message);
    }

    [Fact]
    public void Generated_names_are_adjective_underscore_surname_and_valid()
    {
        for (var i = 0; i < 200; i++)
        {
            var name = ContainerNames.Generate(0);
            Assert.Matches(new Regex("^[a-z]+_[a-z]+$"), name);
            Assert.Equal("/" + name, ContainerNames.Normalize(name));
        }
    }

    [Fact]
    public void A_retry_appends_a_digit_as_dockerd_does() => Assert.Matches(new Regex("^[a-z]+_[a-z]+[0-9]$"), ContainerNames.Generate(1));
}
