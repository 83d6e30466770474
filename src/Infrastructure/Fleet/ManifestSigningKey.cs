using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;
using Platform.Contracts.Fleet;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Fleet;

/// <summary>
/// The P-256 key the platform signs model manifests with (docs/decisions/ADR-008): a PKCS#8 PEM under the data
/// directory (<c>keys/manifest-signing.pem</c>, 0600), generated on first start, or the file <c>Fleet:ManifestSigningKeyPath</c>
/// names. Its key id is the start of its public key's RFC 7638 thumbprint; devices get the public key at enrolment.
/// </summary>
public sealed class ManifestSigningKey : IManifestSigner, IDisposable
{
    private readonly Lazy<(ECDsa Key, ManifestKey Public)> _key;

    public ManifestSigningKey(IOptions<PlatformOptions> platform, IConfiguration configuration, ILogger<ManifestSigningKey> logger) =>
        _key = new(() => Load(configuration["Fleet:ManifestSigningKeyPath"] ?? platform.Value.Resolve(Path.Combine("keys", "manifest-signing.pem")), logger));

    public IReadOnlyList<ManifestKey> PublicKeys => [_key.Value.Public];

    public string Sign(object manifest) => Es256.Sign(_key.Value.Key, manifest, _key.Value.Public.Kid);

    public void Dispose()
    {
        if (_key.IsValueCreated)
        {
            _key.Value.Key.Dispose();
        }
    }

    private static (ECDsa, ManifestKey) Load(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var generated = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            SecretFile.Write(path, generated.ExportPkcs8PrivateKeyPem());
            logger.LogInformation("Generated a manifest signing key at {Path}", path);
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        var jwk = Es256.PublicJwk(key);
        return (key, new ManifestKey(Es256.Thumbprint(jwk)[..16], jwk));
    }
}
