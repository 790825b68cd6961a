using Wharf.Cli.Commands.Containers;
using Wharf.Cli.Commands.Containers.Stats;
using Wharf.Cli.Commands.Images;
using Wharf.Cli.Commands.Networks;
using Wharf.Cli.Commands.System;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands;

/// <summary>Every command wharf knows. A new command is one class plus one line here.</summary>
public static class CommandCatalog
{
    public static CliCommand AddAll(CliCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Add(
            new VersionCommand(),
            new InfoCommand(),
            new EventsCommand(),
            new ImageListCommand(),
            new InspectCommand(),
            new HistoryCommand(),
            new TagCommand(),
            new RemoveCommand(),
            new SaveCommand(),
            new LoadCommand(),
            new ImportCommand(),
            new RunCommand(),
            new ExecCommand(),
            new ContainerListCommand(),
            new AttachCommand(),
            new CreateCommand(),
            new DiffCommand(),
            new ExportCommand(),
            new KillCommand(),
            new LogsCommand(),
            new PauseCommand(),
            new PortCommand(),
            new RenameCommand(),
            new StopCommand(restart: true),
            new RemoveContainerCommand(),
            new StartCommand(),
            new StatsCommand(),
            new StopCommand(),
            new TopCommand(),
            new PauseCommand(unpause: true),
            new UpdateCommand(),
            new WaitCommand(),
            new GroupCommand("container", "Manage containers").Add(
                new AttachCommand(),
                new CreateCommand(),
                new DiffCommand(),
                new ExecCommand(),
                new ExportCommand(),
                new ContainerInspectCommand(),
                new KillCommand(),
                new LogsCommand(),
                new ContainerListCommand("ls"),
                new ContainerListCommand("list"),
                new ContainerListCommand("ps"),
                new PauseCommand(),
                new PortCommand(),
                new ContainerPruneCommand(),
                new RenameCommand(),
                new StopCommand(restart: true),
                new RemoveContainerCommand(),
                new RemoveContainerCommand("remove"),
                new RunCommand(),
                new StartCommand(),
                new StatsCommand(),
                new StopCommand(),
                new TopCommand(),
                new PauseCommand(unpause: true),
                new UpdateCommand(),
                new WaitCommand()),
            new GroupCommand("image", "Manage images").Add(
                new ImageBootstrapCommand(),
                new HistoryCommand(),
                new ImportCommand(),
                new ImageInspectCommand(),
                new ImageListCommand("list"),
                new LoadCommand(),
                new ImageListCommand("ls"),
                new PruneCommand(),
                new RemoveCommand("remove"),
                new RemoveCommand("rm"),
                new SaveCommand(),
                new TagCommand()),
            NetworkCommands.Group(),
            new GroupCommand("system", "Manage Wharf").Add(
                new DiskUsageCommand(),
                new EventsCommand(),
                new InfoCommand()));
        return root;
    }
}
