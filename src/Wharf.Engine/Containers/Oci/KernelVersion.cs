using System.Globalization;

namespace Wharf.Engine.Containers.Oci;

/// <summary>Kernel versions as Docker's seccomp <c>minKernel</c> compares them: major.minor, the rest ignored.</summary>
public static class KernelVersion
{
    /// <summary>Major and minor of a release string like <c>6.1.0-18-amd64</c> or a <c>minKernel</c> like <c>4.8</c>.</summary>
    public static (int Major, int Minor) Parse(string release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var parts = release.Split('.', 3);
        var major = LeadingNumber(parts[0]);
        var minor = parts.Length > 1 ? LeadingNumber(parts[1]) : 0;
        return (major, minor);
    }

    public static bool AtLeast(int major, int minor, string minimum)
    {
        var (wantMajor, wantMinor) = Parse(minimum);
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    private static int LeadingNumber(string text)
    {
        var length = 0;
        while (length < text.Length && char.IsAsciiDigit(text[length]))
        {
            length++;
        }

        return length == 0 ? 0 : int.Parse(text.AsSpan(0, length), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
