using System.Collections.Concurrent;
using Wharf.Engine.Events;

namespace Wharf.Engine.Tests.Containers;

/// <summary>Keeps every published event with all its attributes.</summary>
public sealed class EventRecorder : IEventPublisher
{
    public ConcurrentQueue<RecordedEvent> Events { get; } = new();

    public void Publish(string type, string action, string actorId, IReadOnlyDictionary<string, string>? attributes = null) =>
        Events.Enqueue(new RecordedEvent(type, action, actorId, new Dictionary<string, string>(attributes ?? new Dictionary<string, string>(), StringComparer.Ordinal)));

    /// <summary>The container actions for one container, in order.</summary>
    public List<string> ActionsOf(string id) => [.. Events.Where(e => e.Type == "container" && e.ActorId == id).Select(e => e.Action)];

    public RecordedEvent Last(string id, string action) => Events.Last(e => e.ActorId == id && e.Action == action);
}
