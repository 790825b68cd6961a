using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.Api;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Stats;

/// <summary>dockerd's top helpers: ps_args validation and keeping the rows of ps's output that belong to the container.</summary>
public static partial class PsOutput
{
    /// <summary>dockerd refuses <c>-o x=PID</c> style renames of the PID column (except to <c>pid</c>), which would hide it.</summary>
    public static void Validate(string psArgs)
    {
        ArgumentNullException.ThrowIfNull(psArgs);
        foreach (Match match in RenamedPid().Matches(psArgs))
        {
            var key = match.Groups[1].Value;
            if (key != "pid")
            {
                throw new EngineException(ErrorKind.Internal, $"specifying \"{key}={match.Groups[2].Value}\" is not allowed");
            }
        }
    }

    /// <summary>moby's parsePSOutput: the header's titles and the rows whose PID is one of <paramref name="pids"/> (thread rows "-" follow their process).</summary>
    public static ContainerTopResponse Parse(string output, IReadOnlyCollection<int> pids)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(pids);
        var lines = output.Split('\n');
        var titles = FieldsAscii(lines[0]);
        var pidIndex = titles.IndexOf("PID");
        if (pidIndex < 0)
        {
            throw new EngineException(ErrorKind.Internal, "Couldn't find PID field in ps output");
        }

        var processes = new List<IReadOnlyList<string>>();
        var previousWasContainers = false;
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = FieldsAscii(line);
            if (pidIndex >= fields.Count)
            {
                continue;
            }

            if (fields[pidIndex] == "-")
            {
                if (previousWasContainers)
                {
                    processes.Add(Merge(fields, titles.Count));
                }

                continue;
            }

            if (!int.TryParse(fields[pidIndex], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                throw new EngineException(ErrorKind.Internal, $"Unexpected pid '{fields[pidIndex]}': strconv.Atoi: parsing \"{fields[pidIndex]}\": invalid syntax");
            }

            previousWasContainers = pids.Contains(pid);
            if (previousWasContainers)
            {
                processes.Add(Merge(fields, titles.Count));
            }
        }

        return new ContainerTopResponse { Titles = titles, Processes = processes };
    }

    /// <summary>ps's last column (the command) may hold spaces: everything from the last title on is one field.</summary>
    private static List<string> Merge(List<string> fields, int titleCount)
    {
        if (fields.Count <= titleCount)
        {
            return fields;
        }

        var row = fields.GetRange(0, titleCount - 1);
        row.Add(string.Join(' ', fields.Skip(titleCount - 1)));
        return row;
    }

    /// <summary>Go's strings.Fields over ASCII whitespace only (a non-ASCII space in a command stays in the field).</summary>
    private static List<string> FieldsAscii(string line)
    {
        var fields = new List<string>();
        var start = -1;
        for (var i = 0; i <= line.Length; i++)
        {
            var space = i == line.Length || line[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
            if (space && start >= 0)
            {
                fields.Add(line[start..i]);
                start = -1;
            }
            else if (!space && start < 0)
            {
                start = i;
            }
        }

        return fields;
    }

    [GeneratedRegex(@"\s+([^\s]*)=\s*(PID[^\s]*)")]
    private static partial Regex RenamedPid();
}
