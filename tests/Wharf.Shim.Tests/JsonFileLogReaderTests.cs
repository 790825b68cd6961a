using System.Globalization;
using System.Text;
using Wharf.Engine.Errors;
using Wharf.Engine.Runtime;
using Wharf.Shim.Protocol;

namespace Wharf.Shim.Tests;

/// <summary>The log reader on files written by the shim's own writer (no container needed).</summary>
public sealed class JsonFileLogReaderTests : IDisposable
{
    private const long Second = 1_000_000_000L;
    private static readonly long Start = 1_796_158_800L * Second;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("wharf-shim-logs-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData("json-file")]
    [InlineData("local")]
    public async Task ReadsRotatedFilesOldestFirstAndTailsAcrossThem(string driver)
    {
        var log = Spec(driver, new Dictionary<string, string> { ["max-size"] = "100", ["max-file"] = "4" });
        Write(log, Enumerable.Range(0, 20));
        Assert.True(File.Exists(log.Path + ".2"));

        var all = await ReadAsync(log, Options());
        Assert.Equal("r19\n", all[^1]);
        var first = int.Parse(all[0][1..^1], CultureInfo.InvariantCulture);
        Assert.Equal(Enumerable.Range(first, 20 - first).Select(Line), all);

        Assert.Equal(Enumerable.Range(15, 5).Select(Line), await ReadAsync(log, Options() with { Tail = 5 }));
        Assert.Empty(await ReadAsync(log, Options() with { Tail = 0 }));
        Assert.Equal(all, await ReadAsync(log, Options() with { Tail = -1 }));
    }

    [Fact]
    public async Task SinceIsInclusiveUntilEndsTheReadAndStreamsFilter()
    {
        var log = Spec("json-file");
        Write(log, Enumerable.Range(0, 10));

        var window = Options() with { Since = At(4), Until = At(7) };
        Assert.Equal(["r4\n", "r5\n", "r6\n", "r7\n"], await ReadAsync(log, window));
        Assert.Equal(["r4\n", "r6\n"], await ReadAsync(log, window with { Stderr = false }));
        Assert.Equal(["r5\n", "r7\n"], await ReadAsync(log, window with { Stdout = false }));
        // Tail counts records of both streams before the stream choice applies, as dockerd does.
        Assert.Equal(["r9\n"], await ReadAsync(log, Options() with { Tail = 2, Stdout = false }));
    }

    [Fact]
    public async Task FollowDeliversEveryRecordOnceAcrossRotationsUntilStopped()
    {
        var log = Spec("json-file", new Dictionary<string, string> { ["max-size"] = "200", ["max-file"] = "100" });
        Write(log, Enumerable.Range(0, 3));
        var stop = new TaskCompletionSource();
        var reading = ReadAsync(log, Options() with { Follow = true, StopFollowing = stop.Task });

        using (var writer = new ContainerLogWriter(log.Driver, log.Path, LogFileLimits.For(log.Driver, log.Options)))
        {
            for (var i = 3; i < 60; i++)
            {
                writer.Write(i % 2 == 0 ? "stdout" : "stderr", Start + (i * Second), Encoding.ASCII.GetBytes($"r{i}"), null);
                writer.Flush();
                if (i % 10 == 0)
                {
                    await Task.Delay(60);
                }
            }
        }

        stop.SetResult();
        Assert.Equal(Enumerable.Range(0, 60).Select(Line), await reading.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task FollowWithTailZeroOnlyDeliversNewRecordsAndSurvivesAReplacedFile()
    {
        // max-file 1: every rotation unlinks the file and starts a new one. Written in lockstep with the reader,
        // which can only follow a replacement it has seen (a file replaced twice between two polls is lost).
        var log = Spec("json-file", new Dictionary<string, string> { ["max-size"] = "50", ["max-file"] = "1" });
        Write(log, Enumerable.Range(0, 2));
        var stop = new TaskCompletionSource();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var records = new JsonFileLogReader().ReadAsync(log, Options() with { Follow = true, Tail = 0, StopFollowing = stop.Task }, timeout.Token).GetAsyncEnumerator(timeout.Token);
        await using (records)
        {
            var next = records.MoveNextAsync();
            using var writer = new ContainerLogWriter(log.Driver, log.Path, LogFileLimits.For(log.Driver, log.Options));
            for (var i = 2; i < 8; i++)
            {
                writer.Write(i % 2 == 0 ? "stdout" : "stderr", Start + (i * Second), Encoding.ASCII.GetBytes($"r{i}"), null);
                writer.Flush();
                Assert.True(await next);
                Assert.Equal(Line(i), Encoding.ASCII.GetString(records.Current.Line.Span));
                next = records.MoveNextAsync();
            }

            Assert.False(File.Exists(log.Path + ".1"));
            stop.SetResult();
            Assert.False(await next);
        }
    }

    [Fact]
    public async Task TheNoneDriverCannotBeRead()
    {
        var error = await Assert.ThrowsAsync<EngineException>(() => ReadAsync(new LogSpec("none", "", new Dictionary<string, string>()), Options()));
        Assert.Equal(ErrorKind.InvalidParameter, error.Kind);
        Assert.Equal("configured logging driver does not support reading", error.Message);
    }

    [Fact]
    public async Task AMissingLogIsEmpty() =>
        Assert.Empty(await ReadAsync(Spec("json-file"), Options()));

    private static string Line(int i) => $"r{i}\n";

    private static DateTimeOffset At(int i) => GoTime.FromUnixNanoseconds(Start + (i * Second));

    private static LogReadOptions Options() => new(Stdout: true, Stderr: true, Since: null, Until: null, Tail: null, Follow: false, StopFollowing: null);

    private static void Write(LogSpec log, IEnumerable<int> records)
    {
        using var writer = new ContainerLogWriter(log.Driver, log.Path, LogFileLimits.For(log.Driver, log.Options));
        foreach (var i in records)
        {
            // Even records on stdout, odd ones on stderr, one second apart.
            writer.Write(i % 2 == 0 ? "stdout" : "stderr", Start + (i * Second), Encoding.ASCII.GetBytes($"r{i}"), null);
            writer.Flush();
        }
    }

    private static async Task<List<string>> ReadAsync(LogSpec log, LogReadOptions options)
    {
        var lines = new List<string>();
        await foreach (var record in new JsonFileLogReader().ReadAsync(log, options, CancellationToken.None))
        {
            Assert.Equal(int.Parse(Encoding.ASCII.GetString(record.Line.Span)[1..^1], CultureInfo.InvariantCulture) % 2 == 0 ? OutputStream.Stdout : OutputStream.Stderr, record.Stream);
            lines.Add(Encoding.ASCII.GetString(record.Line.Span));
        }

        return lines;
    }

    private LogSpec Spec(string driver, Dictionary<string, string>? options = null) =>
        new(driver, Path.Combine(_directory.FullName, driver == "local" ? "local-logs/container.log" : "c-json.log"), options ?? []);
}
