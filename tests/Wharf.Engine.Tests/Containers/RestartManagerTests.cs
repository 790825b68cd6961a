using Wharf.Api;
using Wharf.Engine.Containers;

namespace Wharf.Engine.Tests.Containers;

public sealed class RestartManagerTests
{
    [Fact]
    public void The_back_off_starts_at_100ms_doubles_and_resets_after_a_10s_run()
    {
        var manager = new RestartManager(new RestartPolicy { Name = "always" });

        Assert.Equal(TimeSpan.FromMilliseconds(100), manager.ShouldRestart(0, false, TimeSpan.Zero, 0).Delay);
        Assert.Equal(TimeSpan.FromMilliseconds(200), manager.ShouldRestart(0, false, TimeSpan.Zero, 1).Delay);
        Assert.Equal(TimeSpan.FromMilliseconds(400), manager.ShouldRestart(0, false, TimeSpan.FromSeconds(9), 2).Delay);
        Assert.Equal(TimeSpan.FromMilliseconds(100), manager.ShouldRestart(0, false, TimeSpan.FromSeconds(10), 3).Delay);
    }

    [Fact]
    public void The_back_off_stops_growing_at_a_minute()
    {
        var manager = new RestartManager(new RestartPolicy { Name = "always" });
        var delay = TimeSpan.Zero;
        for (var i = 0; i < 20; i++)
        {
            delay = manager.ShouldRestart(1, false, TimeSpan.Zero, i).Delay;
        }

        Assert.Equal(TimeSpan.FromMinutes(1), delay);
    }

    [Theory]
    [InlineData("", 1, false, 0, false)]
    [InlineData("no", 1, false, 0, false)]
    [InlineData("always", 0, true, 0, true)]
    [InlineData("unless-stopped", 0, false, 0, true)]
    [InlineData("unless-stopped", 0, true, 0, false)]
    [InlineData("on-failure", 0, false, 0, false)]
    [InlineData("on-failure", 3, false, 0, true)]
    [InlineData("on-failure", 3, false, 1, true)]
    [InlineData("on-failure", 3, false, 2, false)]
    public void Policies(string name, int exitCode, bool manuallyStopped, int restartCount, bool expected)
    {
        var manager = new RestartManager(new RestartPolicy { Name = name, MaximumRetryCount = name == "on-failure" && exitCode == 3 ? 2 : 0 });

        Assert.Equal(expected, manager.ShouldRestart(exitCode, manuallyStopped, TimeSpan.Zero, restartCount).Restart);
    }

    [Fact]
    public void On_failure_without_a_maximum_restarts_forever()
    {
        var manager = new RestartManager(new RestartPolicy { Name = "on-failure" });

        Assert.True(manager.ShouldRestart(1, false, TimeSpan.Zero, 1000).Restart);
    }

    [Fact]
    public void Cancel_stops_even_always()
    {
        var manager = new RestartManager(new RestartPolicy { Name = "always" });
        manager.Cancel();

        Assert.False(manager.ShouldRestart(1, false, TimeSpan.Zero, 0).Restart);
    }
}
