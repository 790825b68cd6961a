namespace Wharf.Engine.Tests.Health;

/// <summary>Waits for background work (a probe on the thread pool) to reach a state; the limit only keeps a broken test from hanging.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var limit = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > limit)
            {
                Assert.Fail("never happened: " + what);
            }

            await Task.Delay(5);
        }
    }
}
