using System.Net;
using Wharf.Cli.Framework;
using Wharf.Client;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf rm</c> / <c>wharf container rm|remove</c>: with <c>-f</c> a container that is not there is only reported.</summary>
public sealed class RemoveContainerCommand : ContainerBatchCommand
{
    /// <param name="name">"rm" or "remove".</param>
    public RemoveContainerCommand(string name = "rm")
        : base(name)
    {
    }

    protected override string PrimaryName => "rm";

    protected override string Arguments => "[OPTIONS] CONTAINER [CONTAINER...]";

    public override string Short => "Remove one or more containers";

    public override string Aliases => $"{ProductInfo.CommandName} container rm, {ProductInfo.CommandName} container remove, {ProductInfo.CommandName} rm";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.Bool("force", 'f', "Force the removal of a running container (uses SIGKILL)"),
        FlagDefinition.Bool("link", 'l', "Remove the specified link"),
        FlagDefinition.Bool("volumes", 'v', "Remove anonymous volumes associated with the container"),
    ];

    protected override Task OperateAsync(CommandContext context, ParsedFlags flags, string container)
    {
        var id = container.Trim('/');
        if (id.Length == 0)
        {
            throw new FormatException("container name cannot be empty");
        }

        return context.Client.RemoveContainerAsync(id, flags.GetBool("force"), flags.GetBool("volumes"), flags.GetBool("link"), context.Cancellation);
    }

    protected override bool ReportOnly(ParsedFlags flags, Exception error) =>
        flags.GetBool("force") && error is WharfApiException { StatusCode: HttpStatusCode.NotFound };
}
