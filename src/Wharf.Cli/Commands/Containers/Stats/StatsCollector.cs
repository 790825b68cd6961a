using System.Text;
using System.Text.Json;
using Wharf.Api;
using Wharf.Client;

namespace Wharf.Cli.Commands.Containers.Stats;

/// <summary>
/// docker's collect() for one container: reads its stats stream and keeps the latest figures. Without a sample for
/// two seconds the figures are cleared ("--"), as docker does; the first sample (or failure) releases
/// <see cref="FirstSample"/>.
/// </summary>
public sealed class StatsCollector
{
    private static readonly TimeSpan SampleTimeout = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private StatsEntry _entry;
    private Exception? _error;

    public StatsCollector(string container)
    {
        Container = container;
        _entry = new StatsEntry { Container = container };
    }

    public string Container { get; }

    public TaskCompletionSource FirstSample { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StatsEntry Snapshot
    {
        get
        {
            lock (_lock)
            {
                return _entry;
            }
        }
    }

    public Exception? Error
    {
        get
        {
            lock (_lock)
            {
                return _error;
            }
        }
    }

    public async Task RunAsync(WharfClient client, bool stream, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var response = await client.ContainerStatsAsync(Container, stream, cancellation).ConfigureAwait(false);
            await using (response.ConfigureAwait(false))
            {
                using var reader = new StreamReader(response.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
                var next = reader.ReadLineAsync(cancellation).AsTask();
                while (true)
                {
                    if (await Task.WhenAny(next, Task.Delay(SampleTimeout, cancellation)).ConfigureAwait(false) != next)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        Fail(new TimeoutException("timeout waiting for stats"), reset: true);
                        continue;
                    }

                    var line = await next.ConfigureAwait(false);
                    if (line is null)
                    {
                        Fail(new EndOfStreamException("EOF"), reset: false);
                        return;
                    }

                    if (line.Length > 0)
                    {
                        Record(JsonSerializer.Deserialize(line, WharfJsonContext.Default.ContainerStats) ?? new ContainerStats());
                        if (!stream)
                        {
                            return;
                        }
                    }

                    next = reader.ReadLineAsync(cancellation).AsTask();
                }
            }
        }
        catch (Exception ex) when (ContainerErrors.IsClientError(ex) || ex is JsonException)
        {
            Fail(ex, reset: false);
        }
    }

    private void Record(ContainerStats sample)
    {
        lock (_lock)
        {
            _entry = StatsCalculator.Compute(Container, sample);
            _error = null;
        }

        FirstSample.TrySetResult();
    }

    /// <summary>docker's SetError (keeps the figures, marks them invalid) and SetErrorAndReset (clears them).</summary>
    private void Fail(Exception error, bool reset)
    {
        lock (_lock)
        {
            _error = error;
            _entry = reset ? new StatsEntry { Container = Container, Name = _entry.Name, Id = _entry.Id, IsInvalid = true } : _entry with { IsInvalid = true };
        }

        FirstSample.TrySetResult();
    }
}
