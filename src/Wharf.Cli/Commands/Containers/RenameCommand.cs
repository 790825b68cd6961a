using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf rename OLD NEW</c>: the daemon's error, then docker's "failed to rename" line.</summary>
public sealed class RenameCommand : OptionsCommand<ParsedFlags>
{
    public override string Use => "rename CONTAINER NEW_NAME";

    public override string Short => "Rename a container";

    public override string Aliases => $"{ProductInfo.CommandName} container rename, {ProductInfo.CommandName} rename";

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.Exactly(arguments, 2);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var oldName = options.Arguments[0].Trim();
        var newName = options.Arguments[1].Trim();
        if (oldName.Length == 0 || newName.Length == 0)
        {
            throw new CliException(1, "Error: Neither old nor new names may be empty");
        }

        try
        {
            await context.Client.RenameContainerAsync(oldName, newName, context.Cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ContainerErrors.IsClientError(ex))
        {
            await context.Err.WriteLineAsync(ContainerErrors.Describe(ex)).ConfigureAwait(false);
            throw new CliException(1, "Error: failed to rename container named " + oldName);
        }
    }
}
