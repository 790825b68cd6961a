using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Wharf.Daemon.Api;
using Wharf.Daemon.Configuration;
using Wharf.Daemon.Http;
using Wharf.Daemon.Logging;
using Wharf.Daemon.Routing;
using Wharf.Engine.Containers;
using Wharf.Engine.Containers.Oci;
using Wharf.Engine.Content;
using Wharf.Engine.Events;
using Wharf.Engine.Images;
using Wharf.Engine.Layers;
using Wharf.Engine.Networking;
using Wharf.Engine.Networking.Bridge;
using Wharf.Engine.Networking.Dns;
using Wharf.Engine.Networking.Firewall;
using Wharf.Engine.Networking.Ports;
using Wharf.Engine.Networking.Service;
using Wharf.Engine.Runtime;
using Wharf.Engine.State;
using Wharf.Engine.SystemInfo;

namespace Wharf.Daemon.Composition;

/// <summary>The composition root and the daemon's lifetime: build everything explicitly, listen, wait for a signal, shut down.</summary>
internal static class DaemonStartup
{
    public const string DatabaseFileName = "wharf.db";

    public static async Task<int> RunAsync(DaemonOptions options, IReadOnlyList<string> args, TextWriter errorOutput)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errorOutput);
        var level = new LogLevelSwitch(LogLevelSwitch.Parse(options.LogLevel, options.Debug));
        var logger = new LogfmtLogger(level, errorOutput);
        DaemonLog.StartingUp(logger);
        foreach (var warning in options.Warnings)
        {
            DaemonLog.ConfigurationWarning(logger, warning);
        }

        try
        {
            using var files = ProcessFiles.Acquire(options.DataRoot, options.ExecRoot, options.PidFile, logger);
            using var store = StateStore.Open(Path.Combine(options.DataRoot, DatabaseFileName));
            using var events = new EventBus(store, TimeProvider.System);
            var host = HostInfo.Detect();
            var content = new FileContentStore(Path.Combine(options.DataRoot, "content"));
            var layers = new OverlayLayerStore(store, Path.Combine(options.DataRoot, "overlay"));
            var images = new ImageService(store, content, layers, events, Path.Combine(options.DataRoot, "tmp"), containers: new ContainerImageUsage(store));
            images.Reconcile();
            var runtime = new ShimRuntime(options.ExecRoot, Path.Combine(options.ExecRoot, "runc"), ContainerComposition.DefaultRuntimePath(options));
            var specs = new ContainerSpecBuilder();
            // Containers outlive wharfd whatever --live-restore says: disposing the service only drops the shim connections.
            await using var containers = new ContainerService(ContainerComposition.Options(options, host), store, images, layers, runtime, specs, events, TimeProvider.System, logger);
            var dataplane = new NetlinkBridgeDataplane();
            IFirewall firewall = options.Iptables ? new NftablesFirewall() : new DisabledFirewall();
            var networks = NetworkComposition.Create(options, store, dataplane, firewall, containers, events, TimeProvider.System);
            await using var dns = new EmbeddedDns(containers, logger: logger);
            containers.UseNetworking(networks, dataplane, firewall, new HostPortReservations(), dns);
            networks.Initialize();
            using var streams = StreamComposition.Create(containers, runtime, specs, events, TimeProvider.System);
            await containers.RestoreAsync(CancellationToken.None).ConfigureAwait(false);
            var system = new SystemService(options.ToEngineOptions(), host, events, store, images, containers);
            var reloader = new ConfigurationReloader(args, DaemonOptionsLoader.Load, options, level, events, logger, host.Hostname, () => system.EngineId, reloaded => system.Reconfigure(reloaded.ToEngineOptions()));
            var router = new ApiRouter(ApiComposition.CreateRoutes(system, events, images, containers, streams.Services, new NetworkRouteServices(networks, containers)), logger, () => reloader.Current.Experimental);
            // Signals are handled from before the first listener: a client may send SIGTERM as soon as the API answers.
            var stop = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var signals = RegisterStopSignals(reloader, stop);
            using var terminate = signals[0];
            using var interrupt = signals[1];
            using var hangup = signals[2];
            var server = new HttpServer(router, logger);
            await using (server.ConfigureAwait(false))
            {
                foreach (var address in options.Hosts)
                {
                    server.Start(ListenerFactory.Create(address, ListenerSecurityFor(options), logger));
                }

                DaemonLog.Initialized(logger);
                var signal = await stop.Task.ConfigureAwait(false);
                DaemonLog.ProcessingSignal(logger, signal);
                await server.StopAsync(options.ShutdownTimeout).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is DaemonAlreadyRunningException or IOException or SocketException or UnauthorizedAccessException
            or InvalidOperationException or NotSupportedException or ArgumentException or Engine.Errors.EngineException
            or System.Security.Cryptography.CryptographicException)
        {
            await errorOutput.WriteLineAsync("failed to start daemon: " + ex.Message).ConfigureAwait(false);
            await errorOutput.FlushAsync().ConfigureAwait(false);
            return 1;
        }

        DaemonLog.ShutdownComplete(logger);
        return 0;
    }

    public static ListenerSecurity ListenerSecurityFor(DaemonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ListenerSecurity
        {
            Tls = options.Tls,
            TlsVerify = options.TlsVerify,
            CaCertPath = options.TlsCaCert,
            CertPath = options.TlsCert,
            KeyPath = options.TlsKey,
            SocketGroup = options.Group,
            SocketGroupIsDefault = options.Group == "wharf",
        };
    }

    /// <summary>SIGTERM and SIGINT stop the daemon; SIGHUP reloads and keeps it running.</summary>
    private static PosixSignalRegistration[] RegisterStopSignals(ConfigurationReloader reloader, TaskCompletionSource<string> stop) =>
    [
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult("terminated");
        }),
        PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            stop.TrySetResult("interrupt");
        }),
        PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            _ = Task.Run(reloader.Reload);
        }),
    ];
}
