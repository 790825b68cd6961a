namespace Wharf.Daemon.Tests.Streams;

internal sealed record PublishedEvent(string Type, string Action, string ActorId, IReadOnlyDictionary<string, string> Attributes);
