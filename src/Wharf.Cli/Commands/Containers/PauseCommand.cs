using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf pause</c> and <c>wharf unpause</c>.</summary>
public sealed class PauseCommand : ContainerBatchCommand
{
    private readonly bool _unpause;

    public PauseCommand(bool unpause = false)
        : base(unpause ? "unpause" : "pause")
    {
        _unpause = unpause;
    }

    protected override string PrimaryName => _unpause ? "unpause" : "pause";

    protected override string Arguments => "CONTAINER [CONTAINER...]";

    public override string Short => _unpause ? "Unpause all processes within one or more containers" : "Pause all processes within one or more containers";

    protected override Task OperateAsync(CommandContext context, ParsedFlags flags, string container) => _unpause
        ? context.Client.UnpauseContainerAsync(container, context.Cancellation)
        : context.Client.PauseContainerAsync(container, context.Cancellation);
}
