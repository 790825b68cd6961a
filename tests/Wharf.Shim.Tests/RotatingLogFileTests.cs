using System.Text;

namespace Wharf.Shim.Tests;

public sealed class RotatingLogFileTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("wharf-shim-rotate-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void RotatesBeforeTheRecordThatWouldStartPastMaxSize()
    {
        var path = Path.Combine(_directory.FullName, "c-json.log");
        using (var file = new RotatingLogFile(path, maxSize: 10, maxFiles: 3))
        {
            foreach (var record in (string[])["aaaaaa\n", "bbbbbb\n", "cccccc\n", "dddddd\n", "eeeeee\n", "ffffff\n", "gggggg\n"])
            {
                file.Append(Encoding.ASCII.GetBytes(record));
                file.Flush();
            }
        }

        // A file takes records until it has reached 10 bytes; what falls beyond max-file is dropped.
        Assert.Equal("gggggg\n", File.ReadAllText(path));
        Assert.Equal("eeeeee\nffffff\n", File.ReadAllText(path + ".1"));
        Assert.Equal("cccccc\ndddddd\n", File.ReadAllText(path + ".2"));
        Assert.False(File.Exists(path + ".3"));
    }

    [Fact]
    public void WithOneFileTheLogStartsOverInANewFile()
    {
        var path = Path.Combine(_directory.FullName, "c-json.log");
        FileStream reader;
        using (var file = new RotatingLogFile(path, maxSize: 5, maxFiles: 1))
        {
            file.Append("first\n"u8);
            file.Flush();
            reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            file.Append("second\n"u8);
            file.Flush();
        }

        Assert.Equal("second\n", File.ReadAllText(path));
        Assert.False(File.Exists(path + ".1"));
        // A reader of the old file still reads it to its end (it was unlinked, not truncated).
        using var text = new StreamReader(reader);
        Assert.Equal("first\n", text.ReadToEnd());
    }

    [Fact]
    public void UnlimitedNeverRotatesAndAppendsToWhatIsThere()
    {
        var path = Path.Combine(_directory.FullName, "c-json.log");
        File.WriteAllText(path, "old\n");
        using (var file = new RotatingLogFile(path, maxSize: -1, maxFiles: 1))
        {
            for (var i = 0; i < 100; i++)
            {
                file.Append("0123456789\n"u8);
            }
        }

        Assert.Equal(4 + (100 * 11), new FileInfo(path).Length);
        Assert.False(File.Exists(path + ".1"));
    }
}
