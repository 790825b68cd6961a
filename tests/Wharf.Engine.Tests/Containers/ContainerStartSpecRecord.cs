using Wharf.Engine.Runtime;

namespace Wharf.Engine.Tests.Containers;

/// <summary>A start the fake runtime was asked for.</summary>
public sealed record ContainerStartSpecRecord(ContainerStartSpec Spec);
