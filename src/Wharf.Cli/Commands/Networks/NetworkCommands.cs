using Wharf.Cli.Commands.Images;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Networks;

/// <summary>The <c>wharf network</c> group, as docker lists it.</summary>
public static class NetworkCommands
{
    /// <param name="streams">Where prune and rm read their confirmation from (tests give their own).</param>
    public static CliCommand Group(IStandardStreams? streams = null) =>
        new GroupCommand("network", "Manage networks").Add(
            new NetworkConnectCommand(),
            new NetworkCreateCommand(),
            new NetworkDisconnectCommand(),
            new NetworkInspectCommand(),
            new NetworkListCommand("ls"),
            new NetworkListCommand("list"),
            new NetworkPruneCommand(streams),
            new NetworkRemoveCommand("rm", streams),
            new NetworkRemoveCommand("remove", streams));
}
