using Wharf.Engine.Images;
using Wharf.Engine.State;

namespace Wharf.Engine.Containers;

/// <summary>
/// The image service's view of containers, read from the containers table (which every state change is written to),
/// so that the image service does not depend on the container service that depends on it.
/// </summary>
public sealed class ContainerImageUsage : IImageContainerUsage
{
    private readonly ContainerTable _table;

    public ContainerImageUsage(StateStore state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _table = new ContainerTable(state);
    }

    public IReadOnlyList<ImageUser> ContainersUsing(string imageId)
    {
        ArgumentNullException.ThrowIfNull(imageId);
        return [.. _table.ByImage(imageId).Select(c => new ImageUser(c.Id, c.State.Running))];
    }
}
