using Wharf.Api;
using Wharf.Cli.Commands.Containers.Create;
using Wharf.Cli.Framework;

namespace Wharf.Cli.Commands.Containers;

/// <summary><c>wharf update</c>: docker's runUpdate: the same limits for every container named, names printed, warnings after.</summary>
public sealed class UpdateCommand : OptionsCommand<ParsedFlags>
{
    public override string Use => "update [OPTIONS] CONTAINER [CONTAINER...]";

    public override string Short => "Update configuration of one or more containers";

    public override string Aliases => $"{ProductInfo.CommandName} container update, {ProductInfo.CommandName} update";

    public override IReadOnlyList<FlagDefinition> Flags { get; } =
    [
        ContainerFlags.Typed("blkio-weight", null, "uint16", "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)", ContainerFlags.Unsigned(16)),
        ContainerFlags.Typed("cpu-period", null, "int", "Limit CPU CFS (Completely Fair Scheduler) period", ContainerFlags.Signed(64)),
        ContainerFlags.Typed("cpu-quota", null, "int", "Limit CPU CFS (Completely Fair Scheduler) quota", ContainerFlags.Signed(64)),
        ContainerFlags.Typed("cpu-rt-period", null, "int", "Limit the CPU real-time period in microseconds", ContainerFlags.Signed(64)),
        ContainerFlags.Typed("cpu-rt-runtime", null, "int", "Limit the CPU real-time runtime in microseconds", ContainerFlags.Signed(64)),
        ContainerFlags.Typed("cpu-shares", 'c', "int", "CPU shares (relative weight)", ContainerFlags.Signed(64)),
        ContainerFlags.Typed("cpus", null, "decimal", "Number of CPUs", NanoCpus.Validate),
        ContainerFlags.Typed("cpuset-cpus", null, "string", "CPUs in which to allow execution (0-3, 0,1)"),
        ContainerFlags.Typed("cpuset-mems", null, "string", "MEMs in which to allow execution (0-3, 0,1)"),
        ContainerFlags.Typed("kernel-memory", null, "bytes", "Kernel memory limit", ByteSize.ValidateRam) with { Hidden = true },
        ContainerFlags.Typed("memory", 'm', "bytes", "Memory limit", ByteSize.ValidateRam),
        ContainerFlags.Typed("memory-reservation", null, "bytes", "Memory soft limit", ByteSize.ValidateRam),
        ContainerFlags.Typed("memory-swap", null, "bytes", "Swap limit equal to memory plus swap: -1 to enable unlimited swap", ByteSize.ValidateSwap),
        ContainerFlags.Typed("pids-limit", null, "int", "Tune container pids limit (set -1 for unlimited)", ContainerFlags.Signed(64)),
        ContainerFlags.Typed("restart", null, "string", "Restart policy to apply when a container exits"),
    ];

    public override string? ValidateArguments(IReadOnlyList<string> arguments) => ArgumentRules.AtLeast(arguments, 1);

    public override ParsedFlags Bind(ParsedFlags flags) => flags;

    public override async Task ExecuteAsync(CommandContext context, ParsedFlags options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (!Flags.Any(flag => options.Changed(flag.Name)))
        {
            throw new CliException(1, "you must provide one or more flags when using this command");
        }

        RestartPolicy restart;
        try
        {
            restart = RestartPolicies.Parse(options.GetString("restart", ""));
        }
        catch (FormatException ex)
        {
            throw new CliException(1, ex.Message);
        }

        var pidsLimit = Int64(options, "pids-limit");
        var update = new ContainerUpdateRequest
        {
            BlkioWeight = options.GetString("blkio-weight") is { } weight ? (int)GoParse.ParseUint(weight, 16) : 0,
            CpusetCpus = options.GetString("cpuset-cpus", ""),
            CpusetMems = options.GetString("cpuset-mems", ""),
            CpuShares = Int64(options, "cpu-shares"),
            Memory = Ram(options, "memory"),
            MemoryReservation = Ram(options, "memory-reservation"),
            MemorySwap = options.GetString("memory-swap") is { } swap ? ByteSize.ParseSwap(swap) : 0,
            CpuPeriod = Int64(options, "cpu-period"),
            CpuQuota = Int64(options, "cpu-quota"),
            CpuRealtimePeriod = Int64(options, "cpu-rt-period"),
            CpuRealtimeRuntime = Int64(options, "cpu-rt-runtime"),
            NanoCpus = options.GetString("cpus") is { } cpus ? NanoCpus.Parse(cpus) : 0,
            PidsLimit = pidsLimit != 0 ? pidsLimit : null,
            MemorySwappiness = null,
            OomKillDisable = null,
            RestartPolicy = restart,
        };

        var warnings = new List<string>();
        var errors = new List<Exception>();
        foreach (var container in options.Arguments)
        {
            try
            {
                var response = await context.Client.UpdateContainerAsync(container, update, context.Cancellation).ConfigureAwait(false);
                await context.Out.WriteLineAsync(container).ConfigureAwait(false);
                warnings.AddRange(response.Warnings ?? []);
            }
            catch (Exception ex) when (ContainerErrors.IsClientError(ex))
            {
                errors.Add(ex);
            }
        }

        if (warnings.Count > 0)
        {
            await context.Out.WriteLineAsync(string.Join('\n', warnings)).ConfigureAwait(false);
        }

        ContainerBatch.ThrowIfAny(errors);
    }

    private static long Int64(ParsedFlags flags, string name) => flags.GetString(name) is { } text ? GoParse.ParseInt(text) : 0;

    private static long Ram(ParsedFlags flags, string name) => flags.GetString(name) is { } text ? ByteSize.ParseRam(text) : 0;
}
