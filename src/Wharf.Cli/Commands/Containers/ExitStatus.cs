using System.Text.Json;
using Wharf.Api;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary>docker's waitExitOrRemoved result: the container's exit code, or 125 when waiting itself failed.</summary>
public static class ExitStatus
{
    public static async Task<int> FromWaitAsync(Task<ContainerWaitResponse> wait, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(wait);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var result = await wait.ConfigureAwait(false);
            if (result.Error is { } failure)
            {
                await error.WriteLineAsync("Error waiting for container: " + failure.Message).ConfigureAwait(false);
                return ContainerErrors.DaemonError;
            }

            return (int)result.StatusCode;
        }
        catch (Exception ex) when (ContainerErrors.IsClientError(ex) || ex is JsonException)
        {
            await error.WriteLineAsync("error waiting for container: " + ex.Message).ConfigureAwait(false);
            return ContainerErrors.DaemonError;
        }
    }

    /// <summary>A non-zero status ends the command with that status and no message, as docker's StatusError.</summary>
    public static void ThrowIfFailed(int status)
    {
        if (status != 0)
        {
            throw new CliException(status, "");
        }
    }

    /// <summary>docker's In().CheckTty: a TTY with stdin attached needs a terminal on stdin.</summary>
    public static void CheckTty(bool attachStdin, bool tty, bool inputIsTerminal)
    {
        if (tty && attachStdin && !inputIsTerminal)
        {
            throw new CliException(1, "the input device is not a TTY");
        }
    }
}
