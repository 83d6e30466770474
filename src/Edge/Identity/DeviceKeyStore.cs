using System.Security.Cryptography;
using System.Text;
using Platform.Edge.Storage;

namespace Platform.Edge.Identity;

/// <summary>
/// The device's ECDSA P-256 key (docs/decisions/ADR-008): generated once, kept as PKCS#8 PEM readable by this user only
/// (0600), and never sent anywhere nor logged: the platform only ever sees its public JWK.
/// </summary>
internal sealed class DeviceKeyStore(StatePaths paths, ILogger<DeviceKeyStore> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private ECDsa? _key;

    /// <summary>The key, read from the state directory or generated and saved there first.</summary>
    public ECDsa Key
    {
        get
        {
            lock (_lock)
            {
                return _key ??= LoadOrCreate();
            }
        }
    }

    public void Dispose() => _key?.Dispose();

    private ECDsa LoadOrCreate()
    {
        var key = ECDsa.Create();
        if (File.Exists(paths.Key))
        {
            key.ImportFromPem(File.ReadAllText(paths.Key));
            if (key.KeySize != 256)
            {
                key.Dispose();
                throw new InvalidOperationException($"{paths.Key} holds a {key.KeySize}-bit key; the device key must be ECDSA P-256.");
            }

            return key;
        }

        key.GenerateKey(ECCurve.NamedCurves.nistP256);
        AtomicFile.Write(paths.Key, Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()), ownerOnly: true);
        logger.LogInformation("Generated the device key in {Path}", paths.Key);
        return key;
    }
}
