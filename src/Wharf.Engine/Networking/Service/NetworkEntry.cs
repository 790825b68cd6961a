namespace Wharf.Engine.Networking.Service;

/// <summary>A network in memory: the stored record and the parsed view handed to the other engine parts.</summary>
internal sealed record NetworkEntry(StoredNetwork Stored, NetworkInfo Info);
