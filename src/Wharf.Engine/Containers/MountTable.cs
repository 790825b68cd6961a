using System.Text;

namespace Wharf.Engine.Containers;

/// <summary>The mount points of this process's mount namespace, from <c>/proc/self/mountinfo</c>.</summary>
internal static class MountTable
{
    private const string MountInfoPath = "/proc/self/mountinfo";

    /// <summary>Every mount point (octal escapes such as <c>\040</c> decoded), in mount order.</summary>
    public static List<string> MountPoints()
    {
        var points = new List<string>();
        foreach (var line in File.ReadLines(MountInfoPath))
        {
            // "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw": the fifth field is the mount point.
            var fields = line.Split(' ');
            if (fields.Length > 4)
            {
                points.Add(Unescape(fields[4]));
            }
        }

        return points;
    }

    public static bool IsMountPoint(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(path);
        return MountPoints().Contains(full, StringComparer.Ordinal);
    }

    /// <summary>Mount points at or below <paramref name="directory"/>, deepest first (the order to unmount them in).</summary>
    public static List<string> MountPointsUnder(string directory)
    {
        var root = Path.TrimEndingDirectorySeparator(directory);
        var prefix = root + "/";
        var under = MountPoints().Where(p => p == root || p.StartsWith(prefix, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        under.Sort((a, b) => b.Length.CompareTo(a.Length));
        return under;
    }

    internal static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var bytes = new List<byte>(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                bytes.Add((byte)(((field[i + 1] - '0') << 6) | ((field[i + 2] - '0') << 3) | (field[i + 3] - '0')));
                i += 3;
                continue;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(field[i].ToString()));
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static bool IsOctal(string text, int start) =>
        start + 2 < text.Length && text[start] is >= '0' and <= '7' && text[start + 1] is >= '0' and <= '7' && text[start + 2] is >= '0' and <= '7';
}
