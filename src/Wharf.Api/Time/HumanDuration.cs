using System.Globalization;

namespace Wharf.Api.Time;

/// <summary>
/// go-units' <c>HumanDuration</c> ("About a minute", "3 hours", "2 weeks"): dockerd's container status strings ("Up 3
/// seconds", "Exited (0) About a minute ago") and the CLI's CREATED columns ("… ago").
/// </summary>
public static class HumanDuration
{
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        if (seconds < 1)
        {
            return "Less than a second";
        }

        if (seconds == 1)
        {
            return "1 second";
        }

        if (seconds < 60)
        {
            return Invariant($"{seconds} seconds");
        }

        var minutes = (long)duration.TotalMinutes;
        if (minutes == 1)
        {
            return "About a minute";
        }

        if (minutes < 60)
        {
            return Invariant($"{minutes} minutes");
        }

        // Go rounds hours to the nearest (int(d.Hours() + 0.5)), and only hours.
        var hours = (long)(duration.TotalHours + 0.5);
        if (hours == 1)
        {
            return "About an hour";
        }

        if (hours < 48)
        {
            return Invariant($"{hours} hours");
        }

        if (hours < 24 * 7 * 2)
        {
            return Invariant($"{hours / 24} days");
        }

        if (hours < 24 * 30 * 2)
        {
            return Invariant($"{hours / 24 / 7} weeks");
        }

        if (hours < 24 * 365 * 2)
        {
            return Invariant($"{hours / 24 / 30} months");
        }

        return Invariant($"{(long)duration.TotalHours / 24 / 365} years");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>"2 hours ago", as docker's CreatedSince/RunningFor columns print it.</summary>
    public static string Ago(DateTimeOffset then, DateTimeOffset now) => Format(now - then) + " ago";
}
