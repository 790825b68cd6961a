namespace Wharf.Cli.Tests.Containers;

/// <summary>Waits for something fire-and-forget to have happened; a generous bound only keeps a broken test from hanging.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never became true");
            await Task.Delay(20);
        }
    }
}
