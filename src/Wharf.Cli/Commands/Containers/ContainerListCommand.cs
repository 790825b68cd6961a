using Wharf.Cli.Commands.System;
using Wharf.Cli.Framework;
using Wharf.Templates;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf ps</c> / <c>wharf container ls|list|ps</c>: docker's runPs.</summary>
public sealed class ContainerListCommand : OptionsCommand<ParsedFlags>
{
    private readonly string _name;

    /// <param name="name">"ps", "ls" or "list".</param>
    public ContainerListCommand(string name = "ps")
    {
        _name = name;
    }

    public override string Use => _name + " [OPTIONS]";

    public override string Short => "List containers";

    public override string Aliases => $"{ProductInfo.CommandName} container ls, {ProductInfo.CommandName} container list, {ProductInfo.CommandName} container ps, {ProductInfo.CommandName} ps";

    public override int? TopOrder => _name == "ps" ? 3 : null;

    /// <summary>Inside the container group only "ls" is listed; "ps" and "list" are its aliases there.</summary>
    public override bool Hidden => _name == "list" || (_name == "ps" && Parent?.Parent is not null);

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.Bool("all", 'a', "Show all containers (default shows just running)"),
        FlagDefinition.List("filter", 'f', "Filter output based on conditions provided", "filter") with { Validate = FilterArguments.Validate },
        FlagDefinition.String("format", null, FormatFlags.FormatHelp),
        Create.ContainerFlags.Typed("last", 'n', "int", "Show n last created containers (includes all states)", Create.ContainerFlags.Signed(64), defaultValue: "-1"),
        FlagDefinition.Bool("latest", 'l', "Show the latest created container (includes all states)"),
        FlagDefinition.Bool("no-trunc", null, "Don't truncate output"),
        FlagDefinition.Bool("quiet", 'q', "Only display container IDs"),
        FlagDefinition.Bool("size", 's', "Display total file sizes"),
    ];

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var format = options.GetString("format") ?? "";
        var quiet = options.GetBool("quiet");
        if (format.Length > 0 && quiet)
        {
            await context.Err.WriteAsync("WARNING: Ignoring custom format, because both --format and --quiet are set.\n").ConfigureAwait(false);
        }

        var last = options.GetString("last") is { } lastText ? (int)Create.GoParse.ParseInt(lastText, 32) : -1;
        if (options.GetBool("latest") && last == -1)
        {
            last = 1;
        }

        var size = options.GetBool("size");
        if (format.Length > 0)
        {
            bool usesSize;
            try
            {
                usesSize = ContainerListRenderer.ProbeTemplate(format == "json" ? FormatFlags.JsonTemplate : format);
            }
            catch (TemplateException ex) when (ex.Message.Contains("executing", StringComparison.Ordinal))
            {
                throw new CliException(1, "failed to execute template: " + ex.Message);
            }
            catch (TemplateException ex)
            {
                throw new CliException(1, "failed to parse template: " + ex.Message);
            }

            // --size=false wins over a template that shows sizes.
            size |= !quiet && !options.Changed("size") && usesSize;
        }

        var containers = await context.Client.ListContainersAsync(options.GetBool("all"), last, size, FilterArguments.ToJson(options.GetList("filter")), context.Cancellation).ConfigureAwait(false);
        try
        {
            new ContainerListRenderer(context.Time.GetUtcNow(), context.Time.LocalTimeZone).Write(context.Out, containers, ContainerListRenderer.ResolveFormat(format, quiet, size), !options.GetBool("no-trunc"));
        }
        catch (TemplateException ex)
        {
            throw new CliException(1, "template parsing error: " + ex.Message);
        }
    }
}
