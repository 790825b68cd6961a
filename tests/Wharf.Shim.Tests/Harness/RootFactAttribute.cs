using Xunit.Sdk;

namespace Wharf.Shim.Tests.Harness;

/// <summary>A fact that needs root: skipped without root on a developer machine, failed without root in CI.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Wharf.Shim.Tests.Harness.RootFactDiscoverer", "Wharf.Shim.Tests")]
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!RootRequirement.IsRoot && !RootRequirement.IsCi)
        {
            Skip = RootRequirement.SkipReason;
        }
    }
}
