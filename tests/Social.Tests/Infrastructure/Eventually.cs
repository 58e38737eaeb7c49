namespace SupportBot.Social.Tests.Infrastructure;

/// <summary>Waits for a condition with a generous timeout (the machine is shared and loaded), never a fixed sleep.</summary>
internal static class Eventually
{
    public static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        Assert.True(await WaitAsync(condition, timeout), "Timed out waiting for: " + what);
    }
}
