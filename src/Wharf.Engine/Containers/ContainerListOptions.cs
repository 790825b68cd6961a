namespace Wharf.Engine.Containers;

/// <summary>The query of <c>GET /containers/json</c>.</summary>
public sealed record ContainerListOptions(bool All = false, int Limit = 0, bool Size = false, string? FiltersJson = null);
