using System.Runtime.InteropServices;

namespace Wharf.Linux;

/// <summary>The wall clock in nanoseconds (Go's and Docker's log timestamps carry nanoseconds; DateTime stops at 100 ns).</summary>
public static unsafe partial class RealtimeClock
{
    private const int ClockRealtime = 0;

    public static long UnixNanoseconds()
    {
        var spec = stackalloc long[2];
        if (ClockGetTime(ClockRealtime, spec) != 0)
        {
            return (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        }

        return (spec[0] * 1_000_000_000L) + spec[1];
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, long* spec);
}
