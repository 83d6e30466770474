using Platform.Domain.Common;
using Platform.Domain.Fleet;

namespace Platform.Domain.Tests.Fleet;

/// <summary>A device's lifecycle and credential, and a one-time enrolment token that is safe to retry.</summary>
public sealed class DeviceLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_device_goes_provisioned_active_suspended_and_each_refusal_bumps_its_credential()
    {
        var device = Device.Enrol(Guid.NewGuid(), "gateway-1", new Dictionary<string, string> { ["region"] = "eu-west" }, "{\"kty\":\"EC\"}", "thumb", Now);
        Assert.Equal((DeviceState.Provisioned, 1, true), (device.State, device.CredentialVersion, device.MayCall));

        device.Seen(Now.AddMinutes(1));
        device.Suspend();

        Assert.Equal((DeviceState.Suspended, 2, false), (device.State, device.CredentialVersion, device.MayCall));
        Assert.Throws<DomainException>(() => device.Seen(Now.AddMinutes(2)));
        device.Resume();
        Assert.Equal((DeviceState.Active, true), (device.State, device.MayCall));
        device.RotateKey("{\"kty\":\"EC\",\"x\":\"new\"}", "thumb-2");
        Assert.Equal(3, device.CredentialVersion);
        device.Decommission();
        Assert.Equal((DeviceState.Decommissioned, 4, false), (device.State, device.CredentialVersion, device.MayCall));
        Assert.Throws<DomainException>(device.Suspend);
        Assert.Throws<DomainException>(device.Resume);
    }

    [Fact]
    public void An_enrolment_token_is_used_once_a_repeat_by_the_same_key_gets_the_same_device_and_another_key_is_refused()
    {
        var token = EnrolmentToken.Create("hash", new Dictionary<string, string> { ["site"] = "plant-7" }, Now.AddHours(1), "operator", Now);
        var device = Guid.NewGuid();

        Assert.Null(token.Use(device, "thumb", Now.AddMinutes(1)));
        Assert.Equal(device, token.Use(Guid.NewGuid(), "thumb", Now.AddMinutes(2)));
        Assert.Equal("enrolment.used", Assert.Throws<DomainException>(() => token.Use(Guid.NewGuid(), "other", Now.AddMinutes(3))).Code);
    }

    [Fact]
    public void An_expired_token_is_refused_and_bad_labels_are_refused_when_it_is_made()
    {
        var token = EnrolmentToken.Create("hash", new Dictionary<string, string>(), Now.AddMinutes(5), "operator", Now);

        Assert.Equal("enrolment.expired", Assert.Throws<DomainException>(() => token.Use(Guid.NewGuid(), "thumb", Now.AddMinutes(5))).Code);
        Assert.Equal("device.labels", Assert.Throws<DomainException>(() =>
            EnrolmentToken.Create("hash", new Dictionary<string, string> { ["Bad Key"] = "x" }, Now.AddHours(1), "operator", Now)).Code);
        Assert.Throws<DomainException>(() => EnrolmentToken.Create("hash", new Dictionary<string, string>(), Now, "operator", Now));
    }
}
