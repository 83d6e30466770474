namespace Platform.Integration.Tests.Support;

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds or the deadline passes, then throws with the message.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan within, Func<string> failure)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException(failure());
            }

            await Task.Delay(100);
        }
    }
}
