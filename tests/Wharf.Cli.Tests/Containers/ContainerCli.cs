using Wharf.Cli.Commands.Containers;
using Wharf.Cli.Commands.Containers.Stats;
using Wharf.Cli.Commands.Images;
using Wharf.Cli.Framework;
using Wharf.Cli.Tests.Images;

namespace Wharf.Cli.Tests.Containers;

/// <summary>Runs wharf's container commands in-process against a daemon, with the console and prompt input faked.</summary>
internal static class ContainerCli
{
    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(string host, FakeConsole console, params string[] args) =>
        await RunAsync(host, console, null, args);

    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(string host, FakeConsole console, FakeStreams? prompt, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = CliEnvironment.FromDictionary(new Dictionary<string, string> { ["DOCKER_HOST"] = host, ["FROMENV"] = "from-env" }, "/nonexistent-home");
        var app = new CliApplication(output, error, environment, new FixedTime(CliRunner.Now), root => Tree(root, console, prompt ?? new FakeStreams()));
        var code = await app.RunAsync(args);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The catalog's container commands, each given the fake console.</summary>
    private static CliCommand Tree(CliCommand root, FakeConsole console, FakeStreams prompt) => root.Add(
        new RunCommand(console),
        new CreateCommand(console),
        new ExecCommand(console),
        new StartCommand(console),
        new AttachCommand(console),
        new LogsCommand(console),
        new ExportCommand(console),
        new StatsCommand(console),
        new ContainerListCommand(),
        new StopCommand(),
        new StopCommand(restart: true),
        new KillCommand(),
        new PauseCommand(),
        new RemoveContainerCommand(),
        new RenameCommand(),
        new WaitCommand(),
        new TopCommand(),
        new DiffCommand(),
        new PortCommand(),
        new UpdateCommand(),
        new InspectCommand(),
        new GroupCommand("container", "Manage containers").Add(new ContainerPruneCommand(prompt), new ContainerInspectCommand()));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
