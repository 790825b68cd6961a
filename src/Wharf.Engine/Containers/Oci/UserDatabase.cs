using System.Globalization;

namespace Wharf.Engine.Containers.Oci;

/// <summary>Parses /etc/passwd and /etc/group like moby/sys/user: blank lines skipped, missing or bad numbers read as 0.</summary>
public static class UserDatabase
{
    public static IReadOnlyList<PasswdEntry> ParsePasswd(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<PasswdEntry>();
        foreach (var fields in Lines(text))
        {
            entries.Add(new PasswdEntry(Field(fields, 0), Number(fields, 2), Number(fields, 3), Field(fields, 5)));
        }

        return entries;
    }

    public static IReadOnlyList<GroupEntry> ParseGroup(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<GroupEntry>();
        foreach (var fields in Lines(text))
        {
            var members = Field(fields, 3);
            entries.Add(new GroupEntry(
                Field(fields, 0),
                Number(fields, 2),
                members.Length == 0 ? [] : members.Split(',')));
        }

        return entries;
    }

    private static IEnumerable<string[]> Lines(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                yield return trimmed.Split(':');
            }
        }
    }

    private static string Field(string[] fields, int index) => index < fields.Length ? fields[index] : "";

    private static int Number(string[] fields, int index) =>
        int.TryParse(Field(fields, index), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
