using Platform.Application.Common.Exceptions;
using Platform.Domain.Fleet;

namespace Platform.Infrastructure.Tests.Persistence;

/// <summary>A device's state and credential are concurrency tokens: a write that loaded the device before they changed is refused, not written over them.</summary>
public sealed class DeviceConcurrencyTests(SqliteFile database) : IClassFixture<SqliteFile>
{
    [Fact]
    public async Task A_first_call_loaded_before_a_suspension_does_not_make_the_suspended_device_active()
    {
        var id = await EnrolAsync("racing-call");
        await using var call = database.NewContext();
        var seen = await call.Devices.FindAsync(id);

        await using (var operatorWork = database.NewContext())
        {
            (await operatorWork.Devices.FindAsync(id))!.Suspend();
            await operatorWork.SaveChangesAsync();
        }

        seen!.Seen(DateTimeOffset.UtcNow);
        var refused = await Assert.ThrowsAsync<ConflictException>(() => call.SaveChangesAsync());
        Assert.Equal("concurrent-update", refused.Code);
        await using var after = database.NewContext();
        Assert.Equal(DeviceState.Suspended, (await after.Devices.FindAsync(id))!.State);
    }

    [Fact]
    public async Task A_key_rotation_loaded_before_a_revocation_does_not_bring_the_device_back()
    {
        var id = await EnrolAsync("racing-rotation");
        await using var rotation = database.NewContext();
        var device = await rotation.Devices.FindAsync(id);

        await using (var operatorWork = database.NewContext())
        {
            (await operatorWork.Devices.FindAsync(id))!.RevokeCredential();
            await operatorWork.SaveChangesAsync();
        }

        device!.RotateKey("{\"kty\":\"EC\"}", "new-thumbprint");
        await Assert.ThrowsAsync<ConflictException>(() => rotation.SaveChangesAsync());
        await using var after = database.NewContext();
        Assert.False((await after.Devices.FindAsync(id))!.MayCall);
    }

    private async Task<Guid> EnrolAsync(string name)
    {
        await using var db = database.NewContext();
        var device = Device.Enrol(Guid.NewGuid(), name, new Dictionary<string, string>(), "{\"kty\":\"EC\"}", "thumbprint", DateTimeOffset.UtcNow);
        db.Devices.Add(device);
        await db.SaveChangesAsync();
        return device.Id;
    }
}
