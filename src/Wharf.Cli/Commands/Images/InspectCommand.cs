using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Images;

/// <summary>
/// Top-level <c>wharf inspect</c>: each name is tried as a container, an image, then a network (docker's inspectAll order);
/// a name that is neither is "No such object", as docker says once it has tried every type. <c>--type</c> narrows
/// the search to one kind.
/// </summary>
public sealed class InspectCommand : OptionsCommand<InspectOptions>
{
    private static readonly string[] KnownTypes = ["config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"];

    public override string Use => "inspect [OPTIONS] NAME|ID [NAME|ID...]";

    public override string Short => "Return low-level information on Docker objects";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.String("format", 'f', FormatFlags.InspectFormatHelp),
        FlagDefinition.Bool("size", 's', "Display total file sizes if the type is container"),
        FlagDefinition.String("type", null, "Only inspect objects of the given type"),
    ];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.AtLeast(arguments, 1);

    public override InspectOptions Bind(ParsedFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return new(flags.Arguments, flags.GetString("format"), flags.GetString("type")) { Size = flags.GetBool("size") };
    }

    public override Task ExecuteAsync(CommandContext context, InspectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var type = options.Type ?? "";
        if (type.Length > 0 && Array.IndexOf(KnownTypes, type) < 0)
        {
            throw new CliException(1, $"unknown type: \"{type}\": must be one of {string.Join(", ", KnownTypes.Select(known => "\"" + known + "\""))}");
        }

        return type switch
        {
            "" => Containers.ContainerInspectCommand.InspectAsync(context, options, Containers.ContainerInspectCommand.InspectAnyAsync),
            "container" => new Containers.ContainerInspectCommand().ExecuteAsync(context, options),
            "image" => ImageInspectCommand.InspectImagesAsync(context, options, notFound: null),
            "network" => Containers.ContainerInspectCommand.InspectAsync(context, options, async (client, name, _, cancellation) => await client.InspectNetworkRawAsync(name, verbose: false, cancellation).ConfigureAwait(false)),
            _ => throw new CliException(1, string.Join('\n', options.Names.Select(name => "Error: No such object: " + name))),
        };
    }
}
