using Wharf.Engine.Events;

namespace Wharf.Engine.Tests.Exec;

/// <summary>Keeps every published event for assertions.</summary>
public sealed class RecordingEvents : IEventPublisher
{
    private readonly List<(string Type, string Action, string ActorId, IReadOnlyDictionary<string, string> Attributes)> _events = [];

    public IReadOnlyList<(string Type, string Action, string ActorId, IReadOnlyDictionary<string, string> Attributes)> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<string> Actions => [.. Events.Select(e => e.Action)];

    public void Publish(string type, string action, string actorId, IReadOnlyDictionary<string, string>? attributes = null)
    {
        lock (_events)
        {
            _events.Add((type, action, actorId, attributes ?? new Dictionary<string, string>()));
        }
    }
}
