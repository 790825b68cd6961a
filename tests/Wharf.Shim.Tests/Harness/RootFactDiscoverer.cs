using Xunit.Sdk;

namespace Wharf.Shim.Tests.Harness;

/// <summary>Turns a <see cref="RootFactAttribute"/> test into a failing one when CI runs it without root.</summary>
public sealed class RootFactDiscoverer : FactDiscoverer
{
    public RootFactDiscoverer(IMessageSink diagnosticMessageSink)
        : base(diagnosticMessageSink)
    {
    }

    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        RootRequirement.IsRoot || !RootRequirement.IsCi
            ? base.CreateTestCase(discoveryOptions, testMethod, factAttribute)
            : new ExecutionErrorTestCase(
                DiagnosticMessageSink,
                discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod,
                RootRequirement.CiError);
}
