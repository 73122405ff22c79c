namespace Bot.Tests.Handoff;

/// <summary>
/// Waits for background work (a Quartz job on another thread) to become visible. Time in the code under test is
/// moved by the manual clock; this only bounds how long the test waits for the work the clock set off.
/// </summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, Action? betweenLooks = null, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Timed out after {seconds} s waiting for: {what}");
            betweenLooks?.Invoke();
            await Task.Delay(50);
        }
    }
}
