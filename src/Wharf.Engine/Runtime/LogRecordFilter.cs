using Wharf.Shim.Protocol;

namespace Wharf.Engine.Runtime;

/// <summary>The since/until window (nanoseconds) and stream choice of a logs request; a record after until ends the read, as in dockerd.</summary>
internal readonly record struct LogRecordFilter(bool Stdout, bool Stderr, long Since, long Until)
{
    public LogRecordVerdict Check(LogEntry entry)
    {
        if (entry.TimeUnixNanoseconds > Until)
        {
            return LogRecordVerdict.Stop;
        }

        if (entry.TimeUnixNanoseconds < Since)
        {
            return LogRecordVerdict.Skip;
        }

        var wanted = entry.Source == "stderr" ? Stderr : Stdout;
        return wanted ? LogRecordVerdict.Deliver : LogRecordVerdict.Skip;
    }
}
