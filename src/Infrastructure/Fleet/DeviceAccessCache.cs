using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Platform.Application.Fleet;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Fleet;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Fleet;

/// <summary>What a device token's check needs to know about its device: read by primary key, kept for a few seconds.</summary>
public sealed record DeviceAccess(Guid WorkspaceId, string WorkspaceName, string Name, int CredentialVersion, bool MayCall, int DesiredRevision);

/// <summary>
/// The device token check's memory (docs/decisions/ADR-008): each device's state and desired revision for at most
/// <c>Fleet:DeviceCacheSeconds</c> (30 s), read in one query; a change made on this replica (a suspension, a rollout's assignment)
/// drops the entry at once, and another replica's change is seen within the lifetime. A forgotten device is not
/// remembered again for <see cref="Settling"/>: its change is forgotten before its unit of work commits, and a read in
/// between (or one that began before) would otherwise keep what is about to change.
/// </summary>
public sealed class DeviceAccessCache(IOptions<FleetOptions> options) : IDeviceAccessCache, IDisposable
{
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(Math.Max(0, options.Value.DeviceCacheSeconds));
    public static readonly TimeSpan Settling = TimeSpan.FromSeconds(10);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 1_000_000 });
    private readonly MemoryCache _settling = new(new MemoryCacheOptions { SizeLimit = 1_000_000 });

    /// <param name="database">The unit of work's context, asked for only when the device is not remembered (a remembered device costs no context).</param>
    public async Task<DeviceAccess?> GetAsync(Guid deviceId, Func<PlatformDbContext> database, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(deviceId, out DeviceAccess? known))
        {
            return known;
        }

        var db = database();
        var access = await db.Devices.IgnoreQueryFilters().AsNoTracking().Where(d => d.Id == deviceId)
            .Select(d => new DeviceAccess(
                d.WorkspaceId, db.Workspaces.Where(w => w.Id == d.WorkspaceId).Select(w => w.Name).First(), d.Name, d.CredentialVersion,
                (d.State == DeviceState.Provisioned || d.State == DeviceState.Active) && d.PublicKeyJwk != "", d.DesiredRevision))
            .SingleOrDefaultAsync(cancellationToken);
        if (_lifetime > TimeSpan.Zero && !_settling.TryGetValue(deviceId, out _))
        {
            _cache.Set(deviceId, access, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _lifetime, Size = 1 });
        }

        return access;
    }

    public void Forget(Guid deviceId)
    {
        _settling.Set(deviceId, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Settling, Size = 1 });
        _cache.Remove(deviceId);
    }

    public void Dispose()
    {
        _cache.Dispose();
        _settling.Dispose();
    }
}
