namespace Wharf.Shim.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public void FrameKindsHaveStableValues() => Assert.Equal(4, (int)Wharf.Shim.Protocol.ShimFrameKind.Exit);
}
