namespace Wharf.Shim.Protocol;

/// <summary>Docker's PartialLogMetaData: the pieces of a line longer than the copier's 16 KiB buffer share an id; the piece that ends the line is Last.</summary>
public readonly record struct PartialLogInfo(string Id, int Ordinal, bool Last);
