using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Infrastructure.Identity;

/// <summary>The HMAC key that signs and validates the API's own tokens: configured, or generated once and kept 0600.</summary>
public sealed class SigningKeyStore
{
    private readonly Lazy<SymmetricSecurityKey> _key;

    public SigningKeyStore(IOptions<AuthOptions> auth, IOptions<PlatformOptions> platform, ILogger<SigningKeyStore> logger)
    {
        _key = new Lazy<SymmetricSecurityKey>(() => Load(auth.Value, platform.Value, logger));
    }

    public SymmetricSecurityKey Key => _key.Value;

    private static SymmetricSecurityKey Load(AuthOptions auth, PlatformOptions platform, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            var configured = Convert.FromBase64String(auth.SigningKey);
            return configured.Length >= 32
                ? new SymmetricSecurityKey(configured)
                : throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
        }

        var path = auth.SigningKeyPath ?? platform.Resolve(Path.Combine("keys", "jwt-signing.key"));
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            SecretFile.Write(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            logger.LogInformation("Generated a token signing key at {Path}", path);
        }

        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}
