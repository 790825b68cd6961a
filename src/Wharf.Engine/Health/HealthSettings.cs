using Wharf.Api;

namespace Wharf.Engine.Health;

/// <summary>A container's HEALTHCHECK with dockerd's defaults filled in (a zero duration means the default).</summary>
public sealed record HealthSettings(
    IReadOnlyList<string> Command,
    TimeSpan Interval,
    TimeSpan Timeout,
    TimeSpan StartPeriod,
    TimeSpan StartInterval,
    int Retries)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultStartPeriod = TimeSpan.Zero;
    public static readonly TimeSpan DefaultStartInterval = TimeSpan.FromSeconds(5);
    public const int DefaultRetries = 3;

    private static readonly string[] DefaultShell = ["/bin/sh", "-c"];

    /// <summary>
    /// The probe of <paramref name="config"/>: <c>CMD</c> runs the arguments, <c>CMD-SHELL</c> runs them through the
    /// container's shell (<c>/bin/sh -c</c> unless SHELL says otherwise); null for none, <c>NONE</c> or an unknown type (as dockerd's getProbe).
    /// </summary>
    public static HealthSettings? From(ContainerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Healthcheck is not { Test: { Count: > 0 } test } health)
        {
            return null;
        }

        IReadOnlyList<string> command;
        switch (test[0])
        {
            case "CMD":
                command = [.. test.Skip(1)];
                break;
            case "CMD-SHELL":
                command = [.. (config.Shell is { Count: > 0 } shell ? shell : DefaultShell), .. test.Skip(1)];
                break;
            default:
                return null;
        }

        return new HealthSettings(
            command,
            OrDefault(health.Interval, DefaultInterval),
            OrDefault(health.Timeout, DefaultTimeout),
            OrDefault(health.StartPeriod, DefaultStartPeriod),
            OrDefault(health.StartInterval, DefaultStartInterval),
            health.Retries <= 0 ? DefaultRetries : health.Retries);
    }

    private static TimeSpan OrDefault(long nanoseconds, TimeSpan fallback) =>
        nanoseconds == 0 ? fallback : TimeSpan.FromTicks(nanoseconds / 100);
}
