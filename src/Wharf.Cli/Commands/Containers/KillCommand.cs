using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf kill</c>: <c>-s</c> names the signal; without it the daemon sends SIGKILL.</summary>
public sealed class KillCommand : ContainerBatchCommand
{
    public KillCommand()
        : base("kill")
    {
    }

    protected override string PrimaryName => "kill";

    protected override string Arguments => "[OPTIONS] CONTAINER [CONTAINER...]";

    public override string Short => "Kill one or more running containers";

    public override IReadOnlyList<FlagDefinition> Flags { get; } = [FlagDefinition.String("signal", 's', "Signal to send to the container")];

    protected override Task OperateAsync(CommandContext context, ParsedFlags flags, string container) =>
        context.Client.KillContainerAsync(container, flags.GetString("signal"), context.Cancellation);
}
