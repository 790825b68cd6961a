namespace Wharf.Engine.Tests.Containers;

/// <summary>One event the service published.</summary>
public sealed record RecordedEvent(string Type, string Action, string ActorId, Dictionary<string, string> Attributes);
