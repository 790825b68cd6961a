using Wharf.Cli.Commands.Images;

namespace Wharf.Cli.Commands.Networks;

/// <summary>What <c>network inspect</c> was asked: the shared inspect options plus <c>--verbose</c>.</summary>
public sealed record NetworkInspectOptions(InspectOptions Inspect, bool Verbose);
