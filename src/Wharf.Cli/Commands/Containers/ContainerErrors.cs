using Wharf.Cli.Framework;
using Wharf.Client;

namespace Wharf.Cli.Commands.Containers;

/// <summary>docker/cli's error conventions for the container commands: withHelp, toStatusError, daemon error texts.</summary>
public static class ContainerErrors
{
    /// <summary>pflag/cobra's status for bad flags and daemon refusals in run/create.</summary>
    public const int DaemonError = 125;

    /// <summary>docker's withHelp: "docker: MESSAGE\n\nRun 'docker COMMAND --help' for more information", exit 125.</summary>
    public static CliException WithHelp(string message, string commandPath, int exitCode = DaemonError) =>
        new(exitCode, $"{ProductInfo.CommandName}: {message}\n\nRun '{commandPath} --help' for more information");

    /// <summary>
    /// docker's toStatusError for run: the container could not be created or started. A missing executable or file is
    /// 127, a permission problem or a directory 126, anything else 125.
    /// </summary>
    public static CliException ForRun(string message, string commandPath) => WithHelp(message, commandPath, RunExitCode(message));

    public static int RunExitCode(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Contains("executable file not found", StringComparison.Ordinal)
            || message.Contains("no such file or directory", StringComparison.Ordinal)
            || message.Contains("system cannot find the file specified", StringComparison.Ordinal))
        {
            return 127;
        }

        if (message.Contains("permission denied", StringComparison.Ordinal) || message.Contains("is a directory", StringComparison.Ordinal))
        {
            return 126;
        }

        return DaemonError;
    }

    /// <summary>How docker prints an API client error: "Error response from daemon: …", or the connection failure as is.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is WharfApiException ? "Error response from daemon: " + error.Message : error.Message;
    }

    /// <summary>True for the failures the API client reports (daemon answers, unreachable daemon, broken connection).</summary>
    public static bool IsClientError(Exception error) =>
        error is WharfApiException or DaemonUnreachableException or IOException;
}
