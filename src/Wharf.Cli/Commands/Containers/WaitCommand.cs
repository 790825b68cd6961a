using System.Globalization;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf wait</c>: blocks on each container in turn and prints its exit code.</summary>
public sealed class WaitCommand : OptionsCommand<ParsedFlags>
{
    public override string Use => "wait CONTAINER [CONTAINER...]";

    public override string Short => "Block until one or more containers stop, then print their exit codes";

    public override string Aliases => $"{ProductInfo.CommandName} container wait, {ProductInfo.CommandName} wait";

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.AtLeast(arguments, 1);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<Exception>();
        foreach (var container in options.Arguments)
        {
            try
            {
                // No condition: the daemon's default, "not-running".
                var result = await context.Client.WaitContainerAsync(container, condition: null, context.Cancellation).ConfigureAwait(false);
                await context.Out.WriteLineAsync(result.StatusCode.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ContainerErrors.IsClientError(ex))
            {
                errors.Add(ex);
            }
        }

        ContainerBatch.ThrowIfAny(errors);
    }
}
