using Wharf.Engine.Errors;
using Wharf.Engine.Stats;

namespace Wharf.Engine.Tests.Stats;

public sealed class PsOutputTests
{
    [Fact]
    public void Keeps_the_containers_rows_and_joins_the_command()
    {
        const string output = """
            UID          PID    PPID  C STIME TTY          TIME CMD
            root           1       0  0 10:00 ?        00:00:01 /sbin/init splash
            root        4242    4200  0 10:01 ?        00:00:00 sleep 300
            root        4243    4242  0 10:01 ?        00:00:00 sh -c echo  two  spaces
            """;

        var top = PsOutput.Parse(output + "\n", [4242, 4243]);

        Assert.Equal(["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"], top.Titles);
        Assert.Equal(2, top.Processes.Count);
        Assert.Equal(["root", "4242", "4200", "0", "10:01", "?", "00:00:00", "sleep 300"], top.Processes[0]);
        Assert.Equal("sh -c echo two spaces", top.Processes[1][^1]);
    }

    [Fact]
    public void Thread_rows_follow_their_process()
    {
        const string output = "USER PID TID CMD\nroot 10 - a\nroot - 10 -\nroot 11 - b\nroot - 11 -\n";

        var top = PsOutput.Parse(output, [10]);

        Assert.Equal(2, top.Processes.Count);
        Assert.Equal(["root", "-", "10", "-"], top.Processes[1]);
    }

    [Fact]
    public void Output_without_a_pid_column_is_an_error()
    {
        var error = Assert.Throws<EngineException>(() => PsOutput.Parse("USER CMD\nroot sh\n", [1]));

        Assert.Equal("Couldn't find PID field in ps output", error.Message);
    }

    [Theory]
    [InlineData("-o pid,comm", true)]
    [InlineData("-o pid=PID", true)]
    [InlineData("-eo user,foo=PID", false)]
    public void Renaming_the_pid_column_is_refused(string args, bool allowed)
    {
        if (allowed)
        {
            PsOutput.Validate(args);
        }
        else
        {
            var error = Assert.Throws<EngineException>(() => PsOutput.Validate(" " + args));
            Assert.Equal("specifying \"user,foo=PID\" is not allowed", error.Message);
        }
    }
}
