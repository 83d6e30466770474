namespace Platform.Edge.Tests.Support;

/// <summary>A clock the test moves by hand (health windows, token lifetimes, a device clock that is off); timers stay real.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public ManualClock()
        : this(DateTimeOffset.UtcNow)
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
