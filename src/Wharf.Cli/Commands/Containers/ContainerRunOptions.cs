using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary>create/run keep the parsed flags whole: turning them into a request needs the environment and the terminal.</summary>
public sealed record ContainerRunOptions(ParsedFlags Flags);
