namespace Wharf.Cli.Framework;

/// <summary>
/// A node of the command tree, with cobra's metadata (use line, short text, aliases, category) so help and
/// errors look like docker's. Leaf commands derive from <see cref="OptionsCommand{TOptions}"/>.
/// </summary>
public abstract class CliCommand
{
    private readonly List<CliCommand> _subcommands = [];

    /// <summary>e.g. "version [OPTIONS]"; the first word is the command's name.</summary>
    public abstract string Use { get; }

    public abstract string Short { get; }

    public string Name => Use.Split(' ', 2)[0];

    /// <summary>The "Aliases:" help line, e.g. "wharf system info, wharf info".</summary>
    public virtual string? Aliases => null;

    /// <summary>docker's "category-top" annotation: listed under "Common Commands:" in this order.</summary>
    public virtual int? TopOrder => null;

    public virtual IReadOnlyList<FlagDefinition> Flags => [];

    public virtual bool Runnable => true;

    /// <summary>cobra's aliases (<c>image list</c> for <c>image ls</c>): found when typed, left out of help listings.</summary>
    public virtual bool Hidden => false;

    /// <summary>pflag's SetInterspersed: false for commands that hand the rest of the line on (<c>run IMAGE CMD -x</c>).</summary>
    public virtual bool InterspersedFlags => true;

    public CliCommand? Parent { get; private set; }

    public IReadOnlyList<CliCommand> Subcommands => _subcommands;

    public bool HasSubcommands => _subcommands.Count > 0;

    public string CommandPath => Parent is null ? Name : Parent.CommandPath + " " + Name;

    public string UseLine => Parent is null ? Use : Parent.CommandPath + " " + Use;

    public bool HasAvailableFlags => Flags.Any(f => !f.Hidden);

    public CliCommand Root => Parent?.Root ?? this;

    public CliCommand Add(params CliCommand[] subcommands)
    {
        ArgumentNullException.ThrowIfNull(subcommands);
        foreach (var subcommand in subcommands)
        {
            subcommand.Parent = this;
            _subcommands.Add(subcommand);
        }

        return this;
    }

    public CliCommand? FindSubcommand(string name) => _subcommands.FirstOrDefault(c => c.Name == name);

    /// <summary>Checks the positional arguments; returns docker's complaint ("accepts no arguments") or null.</summary>
    public virtual string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.None(arguments);

    public abstract Task RunAsync(CommandContext context, ParsedFlags flags);
}
