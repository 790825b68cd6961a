using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary>
/// docker/cli's parallelOperation: one operation per container, all at once, results reported in argument order
/// (the name on stdout for a success); the failures come back for the command to report (docker's errors.Join).
/// </summary>
public static class ContainerBatch
{
    public static async Task<List<Exception>> RunAsync(CommandContext context, IReadOnlyList<string> containers, Func<string, Task> operation, Func<Exception, bool>? reportOnly = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(operation);
        var pending = containers.Select(name => Capture(operation, name)).ToList();
        var errors = new List<Exception>();
        for (var i = 0; i < containers.Count; i++)
        {
            var error = await pending[i].ConfigureAwait(false);
            if (error is null)
            {
                await context.Out.WriteLineAsync(containers[i]).ConfigureAwait(false);
            }
            else if (reportOnly?.Invoke(error) == true)
            {
                await context.Err.WriteLineAsync(ContainerErrors.Describe(error)).ConfigureAwait(false);
            }
            else
            {
                errors.Add(error);
            }
        }

        return errors;
    }

    /// <summary>docker's errors.Join: each failure on its own line, exit status 1.</summary>
    public static void ThrowIfAny(IReadOnlyList<Exception> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count > 0)
        {
            throw new CliException(1, string.Join('\n', errors.Select(ContainerErrors.Describe)));
        }
    }

    private static async Task<Exception?> Capture(Func<string, Task> operation, string name)
    {
        try
        {
            await operation(name).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ContainerErrors.IsClientError(ex) || ex is FormatException)
        {
            return ex;
        }
    }
}
