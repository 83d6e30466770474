using System.Security.Cryptography;
using System.Text;
using Platform.Contracts.Fleet;
using Platform.Edge.Models;
using Platform.Edge.Tests.Support;

namespace Platform.Edge.Tests.Models;

/// <summary>A device trusts a manifest signed by a key from its enrolment, for itself and what was asked, and nothing else.</summary>
public sealed class ManifestVerifierTests : IAsyncLifetime
{
    private static readonly byte[] Bytes = TinyModel.Bytes("v3");
    private FakePlatform _platform = null!;

    public async Task InitializeAsync() => _platform = await FakePlatform.StartAsync();

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public void A_manifest_signed_by_a_trusted_key_for_this_device_and_version_is_trusted()
    {
        var check = Verify(_platform.Manifest("scorer", 3, Bytes));

        Assert.Null(check.Reason);
        Assert.Equal(("scorer", 3, Convert.ToHexStringLower(SHA256.HashData(Bytes))), (check.Manifest!.Model, check.Manifest.Version, check.Manifest.Sha256));
    }

    [Fact]
    public void A_tampered_manifest_is_refused()
    {
        var parts = _platform.Manifest("scorer", 3, Bytes).Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        var tampered = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.Replace("\"SizeBytes\":", "\"SizeBytes\":1", StringComparison.Ordinal)));

        Assert.Contains("signature", Verify($"{parts[0]}.{tampered}.{parts[2]}").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_signed_by_a_key_the_device_does_not_hold_is_refused_even_under_a_trusted_kid()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Contains("signature", Verify(_platform.Manifest("scorer", 3, Bytes, signer: stranger)).Reason, StringComparison.Ordinal);
        Assert.Contains("does not trust", Verify(_platform.Manifest("scorer", 3, Bytes, signer: stranger, kid: "other")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_for_another_device_model_or_version_is_refused()
    {
        Assert.Contains("device", Verify(_platform.Manifest("scorer", 3, Bytes, device: Guid.NewGuid())).Reason, StringComparison.Ordinal);
        Assert.Contains("version 4", Verify(_platform.Manifest("scorer", 4, Bytes)).Reason, StringComparison.Ordinal);
        Assert.Contains("model 'ranker'", Verify(_platform.Manifest("ranker", 3, Bytes)).Reason, StringComparison.Ordinal);
        Assert.Contains("size", Verify(_platform.Manifest("scorer", 3, Bytes, size: 0)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsigned_manifest_is_refused()
    {
        var header = System.Buffers.Text.Base64Url.EncodeToString("{\"alg\":\"none\",\"kid\":\"platform-1\"}"u8);
        var payload = _platform.Manifest("scorer", 3, Bytes).Split('.')[1];

        Assert.NotNull(Verify($"{header}.{payload}.").Reason);
        Assert.Contains("unsigned", Verify("").Reason, StringComparison.Ordinal);
        Assert.Contains("unsigned", Verify(Es256.Sign(_platform.SigningKey, new { model = "scorer" })).Reason, StringComparison.Ordinal); // no kid
    }

    private ManifestCheck Verify(string manifest) => ManifestVerifier.Verify(new DesiredModel("scorer", 3, manifest, null), _platform.Enrolled());
}
