using Wharf.Cli.Commands.Containers;
using Wharf.Cli.Commands.Images;
using Wharf.Cli.Commands.Networks;
using Wharf.Cli.Framework;
using Wharf.Cli.Tests.Images;

namespace Wharf.Cli.Tests.Networks;

/// <summary>Runs wharf's network commands (and the top-level inspect) in-process against a scripted daemon.</summary>
internal static class NetworkCli
{
    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(string host, params string[] args) =>
        await RunWithInputAsync(host, "", args);

    /// <summary>With <paramref name="input"/> as what the user types at a confirmation prompt.</summary>
    public static async Task<(int ExitCode, string Out, string Err)> RunWithInputAsync(string host, string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = CliEnvironment.FromDictionary(new Dictionary<string, string> { ["DOCKER_HOST"] = host }, "/nonexistent-home");
        var streams = new FakeStreams(text: input);
        var app = new CliApplication(output, error, environment, TimeProvider.System, root => root.Add(NetworkCommands.Group(streams), new InspectCommand(), new GroupCommand("container", "Manage containers").Add(new ContainerInspectCommand())));
        var code = await app.RunAsync(args);
        return (code, output.ToString(), error.ToString());
    }
}
