using Wharf.Api.Time;
using Wharf.Api;
using Wharf.Engine.Containers;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerStatusTextTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Running_containers_are_up_for_a_human_duration()
    {
        Assert.Equal("Up 3 seconds", Describe(new ContainerRunState { Running = true, StartedAt = Now.AddSeconds(-3) }));
        Assert.Equal("Up Less than a second", Describe(new ContainerRunState { Running = true, StartedAt = Now }));
        Assert.Equal("Up About a minute", Describe(new ContainerRunState { Running = true, StartedAt = Now.AddSeconds(-90) }));
        Assert.Equal("Up 2 minutes (Paused)", Describe(new ContainerRunState { Running = true, Paused = true, StartedAt = Now.AddMinutes(-2) }));
    }

    [Fact]
    public void Health_follows_the_uptime()
    {
        var state = new ContainerRunState { Running = true, StartedAt = Now.AddMinutes(-2) };

        Assert.Equal("Up 2 minutes (healthy)", ContainerStatusText.Describe(state, false, new ContainerHealth { Status = "healthy" }, Now));
        Assert.Equal("Up 2 minutes (health: starting)", ContainerStatusText.Describe(state, false, new ContainerHealth { Status = "starting" }, Now));
    }

    [Fact]
    public void Stopped_states_read_as_dockerd_writes_them()
    {
        Assert.Equal("Created", Describe(new ContainerRunState()));
        Assert.Equal("Exited (3) 5 seconds ago", Describe(new ContainerRunState { ExitCode = 3, StartedAt = Now.AddSeconds(-9), FinishedAt = Now.AddSeconds(-5) }));
        Assert.Equal("Restarting (1) 2 seconds ago", Describe(new ContainerRunState { Running = true, Restarting = true, ExitCode = 1, StartedAt = Now.AddSeconds(-4), FinishedAt = Now.AddSeconds(-2) }));
        Assert.Equal("Dead", Describe(new ContainerRunState { Dead = true, StartedAt = Now }));
        Assert.Equal("Removal In Progress", ContainerStatusText.Describe(new ContainerRunState { StartedAt = Now }, true, null, Now));
    }

    [Fact]
    public void State_words()
    {
        Assert.Equal("created", ContainerStatusText.StateWord(new ContainerRunState(), false));
        Assert.Equal("running", ContainerStatusText.StateWord(new ContainerRunState { Running = true, StartedAt = Now }, false));
        Assert.Equal("paused", ContainerStatusText.StateWord(new ContainerRunState { Running = true, Paused = true }, false));
        Assert.Equal("restarting", ContainerStatusText.StateWord(new ContainerRunState { Running = true, Restarting = true }, false));
        Assert.Equal("removing", ContainerStatusText.StateWord(new ContainerRunState { StartedAt = Now }, true));
        Assert.Equal("exited", ContainerStatusText.StateWord(new ContainerRunState { StartedAt = Now, FinishedAt = Now }, false));
        Assert.Equal("dead", ContainerStatusText.StateWord(new ContainerRunState { Dead = true }, false));
    }

    [Theory]
    [InlineData(0.4, "Less than a second")]
    [InlineData(1, "1 second")]
    [InlineData(59, "59 seconds")]
    [InlineData(60, "About a minute")]
    [InlineData(119, "About a minute")]
    [InlineData(120, "2 minutes")]
    [InlineData(3599, "59 minutes")]
    [InlineData(3600, "About an hour")]
    [InlineData(5400, "2 hours")]
    [InlineData(47 * 3600, "47 hours")]
    [InlineData(48 * 3600, "2 days")]
    [InlineData(14 * 86400, "2 weeks")]
    [InlineData(60 * 86400, "2 months")]
    [InlineData(800 * 86400, "2 years")]
    public void Human_durations_match_go_units(double seconds, string expected) => Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    private static string Describe(ContainerRunState state) => ContainerStatusText.Describe(state, false, null, Now);
}
