using System.Globalization;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers.Oci;

/// <summary>
/// Turns <c>-u user[:group]</c> and <c>--group-add</c> into numeric ids from the image's /etc/passwd and /etc/group,
/// as moby/sys/user GetExecUser and dockerd's getUser do: names must exist, bare numbers need no entry, the primary
/// group comes first among the additional ones, followed by the user's groups and then the added ones.
/// </summary>
public static class UserResolver
{
    private const long MaxId = int.MaxValue;

    public static OciUser Resolve(string rootfs, string? userSpec, IReadOnlyList<string>? groupAdd)
    {
        ArgumentNullException.ThrowIfNull(rootfs);
        var passwd = ReadDatabase(rootfs, "/etc/passwd") is { } passwdText ? UserDatabase.ParsePasswd(passwdText) : null;
        var groups = ReadDatabase(rootfs, "/etc/group") is { } groupText ? UserDatabase.ParseGroup(groupText) : null;
        return Resolve(passwd, groups, userSpec ?? "", groupAdd ?? []);
    }

    /// <summary>The same resolution over parsed databases; null means the file does not exist.</summary>
    public static OciUser Resolve(IReadOnlyList<PasswdEntry>? passwd, IReadOnlyList<GroupEntry>? groups, string userSpec, IReadOnlyList<string> groupAdd)
    {
        ArgumentNullException.ThrowIfNull(userSpec);
        ArgumentNullException.ThrowIfNull(groupAdd);
        var separator = userSpec.IndexOf(':', StringComparison.Ordinal);
        var userArg = separator < 0 ? userSpec : userSpec[..separator];
        var groupArg = separator < 0 ? "" : userSpec[(separator + 1)..];
        var userIsNumber = TryParseId(userArg, out var uidArg);
        var groupIsNumber = TryParseId(groupArg, out var gidArg);

        int uid = 0, gid = 0;
        string? matchedName = null;
        var match = passwd?.FirstOrDefault(entry => userArg.Length == 0 ? entry.Uid == 0 : userIsNumber ? entry.Uid == uidArg : entry.Name == userArg);
        if (match is not null)
        {
            matchedName = match.Name;
            uid = match.Uid;
            gid = match.Gid;
        }
        else if (userArg.Length > 0)
        {
            if (!userIsNumber)
            {
                throw EngineException.InvalidParameter($"unable to find user {userArg}: no matching entries in passwd file");
            }

            uid = CheckRange(uidArg);
        }

        var supplementary = new List<int>();
        if ((groupArg.Length > 0 || matchedName is not null) && groups is not null)
        {
            if (groupArg.Length > 0)
            {
                var group = groups.FirstOrDefault(entry => groupIsNumber ? entry.Gid == gidArg : entry.Name == groupArg);
                if (group is not null)
                {
                    gid = group.Gid;
                }
                else if (!groupIsNumber)
                {
                    throw EngineException.InvalidParameter($"unable to find group {groupArg}: no matching entries in group file");
                }
                else
                {
                    gid = CheckRange(gidArg);
                }
            }
            else
            {
                supplementary.AddRange(groups.Where(entry => entry.Members.Contains(matchedName!)).Select(entry => entry.Gid));
            }
        }
        else if (groupArg.Length > 0)
        {
            if (!groupIsNumber)
            {
                throw EngineException.InvalidParameter($"unable to find group {groupArg}: no matching entries in group file");
            }

            gid = CheckRange(gidArg);
        }

        var additional = new List<uint> { (uint)gid };
        additional.AddRange(supplementary.Select(id => (uint)id));
        additional.AddRange(AdditionalGroups(groups, groupAdd).Select(id => (uint)id));
        return new OciUser { Uid = (uint)uid, Gid = (uint)gid, AdditionalGids = additional };
    }

    /// <summary>moby/sys/user GetAdditionalGroups: each name or number once, a name must exist, a number need not.</summary>
    private static List<int> AdditionalGroups(IReadOnlyList<GroupEntry>? groups, IReadOnlyList<string> requested)
    {
        var gids = new List<int>();
        foreach (var wanted in requested)
        {
            var found = false;
            foreach (var group in groups ?? [])
            {
                if ((group.Name == wanted || group.Gid.ToString(CultureInfo.InvariantCulture) == wanted) && !gids.Contains(group.Gid))
                {
                    gids.Add(group.Gid);
                    found = true;
                    break;
                }
            }

            if (found)
            {
                continue;
            }

            if (!long.TryParse(wanted, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                throw EngineException.InvalidParameter($"Unable to find group {wanted}: no matching entries in group file");
            }

            var gid = CheckRange(number);
            if (!gids.Contains(gid))
            {
                gids.Add(gid);
            }
        }

        return gids;
    }

    private static bool TryParseId(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static int CheckRange(long id) =>
        id is < 0 or > MaxId ? throw EngineException.InvalidParameter($"uids and gids must be in range 0-{MaxId}") : (int)id;

    private static string? ReadDatabase(string rootfs, string path)
    {
        try
        {
            return File.ReadAllText(ScopedPath.Resolve(rootfs, path));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
