using System.Globalization;
using Wharf.Api;

namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>opts.ParseRestartPolicy: <c>name[:max-retries]</c>; the name itself is left for the daemon to judge.</summary>
public static class RestartPolicies
{
    public static RestartPolicy Parse(string policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Length == 0)
        {
            return new RestartPolicy();
        }

        var colon = policy.IndexOf(':', StringComparison.Ordinal);
        var name = colon >= 0 ? policy[..colon] : policy;
        var count = colon >= 0 ? policy[(colon + 1)..] : "";
        if (colon >= 0 && name.Length == 0)
        {
            throw new FormatException("invalid restart policy format: no policy provided before colon");
        }

        var retries = 0;
        if (count.Length > 0 && !int.TryParse(count, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out retries))
        {
            throw new FormatException("invalid restart policy format: maximum retry count must be an integer");
        }

        return new RestartPolicy { Name = name, MaximumRetryCount = retries };
    }
}
