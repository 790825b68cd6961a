namespace Wharf.Engine.Runtime;

/// <summary>What the log reader does with a record.</summary>
internal enum LogRecordVerdict
{
    Skip,
    Deliver,
    Stop,
}
