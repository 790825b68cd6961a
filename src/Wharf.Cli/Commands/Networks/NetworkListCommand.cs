using Wharf.Cli.Commands.System;
using Wharf.Cli.Framework;
using Wharf.Templates;

namespace Wharf.Cli.Commands.Networks;

/// <summary><c>wharf network ls</c> / <c>list</c>: docker's runList.</summary>
public sealed class NetworkListCommand : OptionsCommand<ParsedFlags>
{
    private readonly string _name;

    /// <param name="name">"ls" or its hidden alias "list".</param>
    public NetworkListCommand(string name = "ls")
    {
        _name = name;
    }

    public override string Use => _name + " [OPTIONS]";

    public override string Short => "List networks";

    public override string Aliases => $"{ProductInfo.CommandName} network ls, {ProductInfo.CommandName} network list";

    public override bool Hidden => _name == "list";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.List("filter", 'f', "Provide filter values (e.g. \"driver=bridge\")", "filter") with { Validate = FilterArguments.Validate },
        FlagDefinition.String("format", null, FormatFlags.FormatHelp),
        FlagDefinition.Bool("no-trunc", null, "Do not truncate the output"),
        FlagDefinition.Bool("quiet", 'q', "Only display network IDs"),
    ];

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var networks = await context.Client.ListNetworksAsync(FilterArguments.ToJson(options.GetList("filter")), context.Cancellation).ConfigureAwait(false);
        try
        {
            NetworkListRenderer.Write(context.Out, networks, NetworkListRenderer.ResolveFormat(options.GetString("format"), options.GetBool("quiet")), !options.GetBool("no-trunc"));
        }
        catch (TemplateException ex)
        {
            throw new CliException(1, "template parsing error: " + ex.Message);
        }
    }
}
