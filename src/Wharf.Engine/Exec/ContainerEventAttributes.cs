using Wharf.Engine.Containers;

namespace Wharf.Engine.Exec;

/// <summary>The attributes dockerd puts on every container event (moby's LogContainerEventWithAttributes): the given ones, the labels, image and name.</summary>
public static class ContainerEventAttributes
{
    public static Dictionary<string, string> For(ContainerView container, IReadOnlyDictionary<string, string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                attributes[key] = value;
            }
        }

        if (container.Config.Labels is { } labels)
        {
            foreach (var (key, value) in labels)
            {
                attributes[key] = value;
            }
        }

        if (!string.IsNullOrEmpty(container.Config.Image))
        {
            attributes["image"] = container.Config.Image;
        }

        attributes["name"] = container.Name.TrimStart('/');
        return attributes;
    }
}
