using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers.Oci;

/// <summary>A container's environment as dockerd builds it (CreateDaemonEnvironment, ReplaceOrAppendEnvValues).</summary>
public static class ProcessEnvironment
{
    /// <summary>PATH, HOSTNAME and (with a TTY) TERM=xterm, then <paramref name="env"/> overriding by key or appended.</summary>
    public static IReadOnlyList<string> ForContainer(string hostname, bool tty, IReadOnlyList<string>? env)
    {
        var defaults = new List<string> { DockerDefaults.PathEnv, "HOSTNAME=" + hostname };
        if (tty)
        {
            defaults.Add("TERM=xterm");
        }

        return ReplaceOrAppend(defaults, env ?? []);
    }

    /// <summary>
    /// Each override replaces the default with its key, or is appended; a bare <c>KEY</c> (no '=') removes the
    /// default. Overrides are not matched against each other, as in Docker.
    /// </summary>
    public static IReadOnlyList<string> ReplaceOrAppend(IReadOnlyList<string> defaults, IReadOnlyList<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(overrides);
        var result = new List<string?>(defaults);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < defaults.Count; i++)
        {
            var separator = defaults[i].IndexOf('=', StringComparison.Ordinal);
            index[separator < 0 ? defaults[i] : defaults[i][..separator]] = i;
        }

        foreach (var value in overrides)
        {
            var separator = value.IndexOf('=', StringComparison.Ordinal);
            if (separator < 0)
            {
                if (index.TryGetValue(value, out var unset))
                {
                    result[unset] = null;
                }

                continue;
            }

            if (index.TryGetValue(value[..separator], out var existing))
            {
                result[existing] = value;
            }
            else
            {
                result.Add(value);
            }
        }

        return result.Where(entry => !string.IsNullOrEmpty(entry)).Select(entry => entry!).ToList();
    }

    /// <summary>dockerd's create-time check of <c>Config.Env</c>: every entry needs a name.</summary>
    public static void Validate(IReadOnlyList<string>? env)
    {
        foreach (var entry in env ?? [])
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            if ((separator < 0 ? entry : entry[..separator]).Length == 0)
            {
                throw EngineException.InvalidParameter("invalid environment variable: " + entry);
            }
        }
    }
}
