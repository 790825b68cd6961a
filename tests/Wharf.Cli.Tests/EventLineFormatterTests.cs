using Wharf.Api;
using Wharf.Cli.Commands.System;
using Wharf.Cli.Formatting;

namespace Wharf.Cli.Tests;

public sealed class EventLineFormatterTests
{
    [Fact]
    public void Formats_like_docker_with_sorted_attributes()
    {
        var message = new EventMessage
        {
            Type = "daemon",
            Action = "reload",
            Actor = new EventActor { ID = "abc", Attributes = new() { ["name"] = "wharf", ["b"] = "2", ["a"] = "1" } },
            Time = 1795435200,
            TimeNano = 1795435200123456789,
        };

        Assert.Equal("2026-11-23T12:00:00.123456789Z daemon reload abc (a=1, b=2, name=wharf)", EventLineFormatter.Format(message, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Falls_back_to_seconds_and_omits_empty_attributes()
    {
        var message = new EventMessage { Type = "image", Action = "pull", Actor = new EventActor { ID = "busybox" }, Time = 1795435200 };
        Assert.Equal("2026-11-23T12:00:00.000000000Z image pull busybox", EventLineFormatter.Format(message, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Uses_the_local_offset()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");
        Assert.Equal("2026-11-23T14:00:00.000000005+02:00", EventTime.Format(1795435200000000005, zone));
    }

    [Fact]
    public void Filters_become_docker_filter_json()
    {
        Assert.Equal("{\"event\":{\"start\":true},\"type\":{\"container\":true,\"image\":true}}", FilterArguments.ToJson(["type=container", "Type=image", "event=start"]));
        Assert.Null(FilterArguments.ToJson([]));
    }
}
