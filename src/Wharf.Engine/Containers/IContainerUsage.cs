using Wharf.Api;

namespace Wharf.Engine.Containers;

/// <summary>What <c>/info</c> and <c>/system/df</c> need to know about containers.</summary>
public interface IContainerUsage
{
    ContainerCounts Counts();

    /// <summary>Every container with its sizes (<c>Containers</c> of <c>/system/df</c>).</summary>
    IReadOnlyList<ContainerSummary> ListWithSizes();
}
