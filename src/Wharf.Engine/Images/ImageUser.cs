namespace Wharf.Engine.Images;

/// <summary>A container created from an image; <paramref name="Running"/> includes paused and restarting, as dockerd counts them.</summary>
public sealed record ImageUser(string ContainerId, bool Running);
