using Wharf.Engine.Events;

namespace Wharf.Daemon.Tests.Streams;

/// <summary>Keeps what the routes and services publish.</summary>
internal sealed class RecordedEvents : IEventPublisher
{
    private readonly List<PublishedEvent> _events = [];

    public IReadOnlyList<PublishedEvent> Recent()
    {
        lock (_events)
        {
            return [.. _events];
        }
    }

    public void Publish(string type, string action, string actorId, IReadOnlyDictionary<string, string>? attributes = null)
    {
        lock (_events)
        {
            _events.Add(new PublishedEvent(type, action, actorId, attributes ?? new Dictionary<string, string>()));
        }
    }
}
