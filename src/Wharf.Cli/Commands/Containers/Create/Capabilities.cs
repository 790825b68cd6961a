namespace Wharf.Cli.Commands.Containers.Create;

/// <summary>
/// docker's opts.EffectiveCapAddCapDrop: names upper-cased with a <c>CAP_</c> prefix (except ALL), duplicates gone,
/// sorted; adding wins over dropping, and ALL swallows every other name on its side.
/// </summary>
public static class Capabilities
{
    private const string All = "ALL";

    public static (List<string>? Add, List<string>? Drop) Effective(IEnumerable<string> add, IEnumerable<string> drop)
    {
        var adds = Normalize(add);
        var drops = Normalize(drop);
        if (adds.Contains(All))
        {
            adds = [All];
        }

        if (drops.Contains(All))
        {
            drops = [All];
        }

        var effectiveDrop = drops.Where(capability => !adds.Contains(capability)).Order(StringComparer.Ordinal).ToList();
        var effectiveAdd = adds.Order(StringComparer.Ordinal).ToList();
        return (effectiveAdd.Count > 0 ? effectiveAdd : null, effectiveDrop.Count > 0 ? effectiveDrop : null);
    }

    public static string Normalize(string capability)
    {
        ArgumentNullException.ThrowIfNull(capability);
        var upper = capability.Trim().ToUpperInvariant();
        return upper == All || upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper : "CAP_" + upper;
    }

    private static HashSet<string> Normalize(IEnumerable<string> capabilities) => new(capabilities.Select(Normalize), StringComparer.Ordinal);
}
