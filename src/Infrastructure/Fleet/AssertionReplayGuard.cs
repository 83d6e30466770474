using System.Collections.Concurrent;
using Platform.Application.Common.Interfaces;

namespace Platform.Infrastructure.Fleet;

/// <summary>
/// The <c>jti</c>s of device assertions seen by this replica, each until its assertion expires (at most five minutes).
/// Replicas behind a load balancer each keep their own; a replay to another replica within those minutes is the gap a
/// shared cache would close (README, "Fleet at scale").
/// </summary>
public sealed class AssertionReplayGuard(TimeProvider clock) : IAssertionReplayGuard
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private int _added;

    public bool FirstUse(Guid deviceId, string jti, DateTimeOffset expiresAt)
    {
        if (Interlocked.Increment(ref _added) % 1024 == 0)
        {
            var now = clock.GetUtcNow();
            foreach (var (key, until) in _seen)
            {
                if (until <= now)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }

        return _seen.TryAdd($"{deviceId:N}:{jti}", expiresAt);
    }
}
