using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Tests.Identity;

public sealed class SecretsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "platform-key-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_generated_signing_key_is_owner_only_and_reused_after_a_restart()
    {
        var platform = Options.Create(new PlatformOptions { DataDirectory = _folder });
        var first = new SigningKeyStore(Options.Create(new AuthOptions()), platform, NullLogger<SigningKeyStore>.Instance).Key;
        var second = new SigningKeyStore(Options.Create(new AuthOptions()), platform, NullLogger<SigningKeyStore>.Instance).Key;
        Assert.Equal(first.Key, second.Key);
        Assert.Equal(32, first.Key.Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "keys", "jwt-signing.key")));
    }

    [Fact]
    public void A_configured_key_shorter_than_256_bits_is_refused()
    {
        var store = new SigningKeyStore(
            Options.Create(new AuthOptions { SigningKey = Convert.ToBase64String(new byte[16]) }),
            Options.Create(new PlatformOptions { DataDirectory = _folder }), NullLogger<SigningKeyStore>.Instance);
        Assert.Throws<InvalidOperationException>(() => store.Key);
    }

    [Fact]
    public void Passwords_are_salted_hashes_that_verify_only_the_right_password()
    {
        var hasher = new AspNetPasswordHasher();
        var one = hasher.Hash("correct horse battery");
        Assert.NotEqual(one, hasher.Hash("correct horse battery"));
        Assert.DoesNotContain("correct", one, StringComparison.Ordinal);
        Assert.Equal(PasswordCheck.Success, hasher.Verify(one, "correct horse battery"));
        Assert.Equal(PasswordCheck.Failed, hasher.Verify(one, "wrong"));
        Assert.Equal(PasswordCheck.Failed, hasher.Verify(null, "anything"));
    }
}
