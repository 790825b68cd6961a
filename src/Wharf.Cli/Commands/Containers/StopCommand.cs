using Wharf.Cli.Commands.Containers.Create;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf stop</c> and <c>wharf restart</c>: <c>-s</c> picks the signal, <c>-t</c> the grace period (sent only when given).</summary>
public sealed class StopCommand : ContainerBatchCommand
{
    private readonly bool _restart;

    /// <param name="restart">The same flags and shape serve <c>restart</c>.</param>
    public StopCommand(bool restart = false)
        : base(restart ? "restart" : "stop")
    {
        _restart = restart;
    }

    protected override string PrimaryName => _restart ? "restart" : "stop";

    protected override string Arguments => "[OPTIONS] CONTAINER [CONTAINER...]";

    public override string Short => _restart ? "Restart one or more containers" : "Stop one or more running containers";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        FlagDefinition.String("signal", 's', "Signal to send to the container"),
        ContainerFlags.Typed("time", null, "int", "Seconds to wait before killing the container (deprecated: use --timeout)", ContainerFlags.Signed(64)) with { Hidden = true },
        ContainerFlags.Typed("timeout", 't', "int", "Seconds to wait before killing the container", ContainerFlags.Signed(64)),
    ];

    protected override async Task BeforeAsync(CommandContext context, ParsedFlags flags)
    {
        if (flags.Changed("time"))
        {
            // pflag's notice for a deprecated flag; docker prints it on stdout.
            await context.Out.WriteLineAsync("Flag --time has been deprecated, use --timeout instead").ConfigureAwait(false);
        }

        if (flags.Changed("time") && flags.Changed("timeout"))
        {
            throw new CliException(1, "conflicting options: cannot specify both --timeout and --time");
        }
    }

    protected override Task OperateAsync(CommandContext context, ParsedFlags flags, string container)
    {
        var signal = flags.GetString("signal");
        var timeout = (flags.GetString("timeout") ?? flags.GetString("time")) is { } text ? (int?)GoParse.ParseInt(text, 32) : null;
        return _restart
            ? context.Client.RestartContainerAsync(container, signal, timeout, context.Cancellation)
            : context.Client.StopContainerAsync(container, signal, timeout, context.Cancellation);
    }
}
