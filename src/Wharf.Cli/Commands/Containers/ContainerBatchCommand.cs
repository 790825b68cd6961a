using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary>
/// The shape of stop, kill, restart, pause, unpause and rm: one API call per named container, in parallel, the names
/// that worked printed in order, the failures joined into the error (exit 1).
/// </summary>
public abstract class ContainerBatchCommand : OptionsCommand<ParsedFlags>
{
    private readonly string _name;

    protected ContainerBatchCommand(string name)
    {
        _name = name;
    }

    /// <summary>The command's primary name, as the Aliases line starts from it.</summary>
    protected abstract string PrimaryName { get; }

    /// <summary>The text after the command's name in the usage line.</summary>
    protected abstract string Arguments { get; }

    public override string Use => _name + " " + Arguments;

    public override string Aliases => $"{ProductInfo.CommandName} container {PrimaryName}, {ProductInfo.CommandName} {PrimaryName}";

    public override bool Hidden => _name != PrimaryName && _name != TopLevelName;

    /// <summary>The top-level name (<c>wharf rm</c>), also shown in listings.</summary>
    protected virtual string TopLevelName => PrimaryName;

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.AtLeast(arguments, 1);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        await BeforeAsync(context, options).ConfigureAwait(false);
        var errors = await ContainerBatch.RunAsync(context, options.Arguments, name => OperateAsync(context, options, name), error => ReportOnly(options, error)).ConfigureAwait(false);
        ContainerBatch.ThrowIfAny(errors);
    }

    /// <summary>The API call for one container.</summary>
    protected abstract Task OperateAsync(CommandContext context, ParsedFlags flags, string container);

    /// <summary>Checks or notices before any container is touched.</summary>
    protected virtual Task BeforeAsync(CommandContext context, ParsedFlags flags) => Task.CompletedTask;

    /// <summary>Failures printed but not failing the command (rm -f on a missing container).</summary>
    protected virtual bool ReportOnly(ParsedFlags flags, Exception error) => false;
}
