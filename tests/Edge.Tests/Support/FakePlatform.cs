using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Contracts.Fleet;

namespace Platform.Edge.Tests.Support;

/// <summary>
/// The platform's side of the device protocol as the contract docs describe it, on a real Kestrel socket (127.0.0.1,
/// port 0): enrolment, key proof for tokens, the desired state with ETags, reports, and model files with Range support
/// that can cut a response after some bytes. It signs manifests with its own P-256 key and records what devices send.
/// </summary>
public sealed partial class FakePlatform : IAsyncDisposable
{
    public const string EnrolmentToken = "pet_test-enrolment";
    public const string Kid = "platform-1";
    private readonly WebApplication _app;

    private FakePlatform(WebApplication app) => _app = app;

    /// <summary>Where it listens (known once started).</summary>
    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public ECDsa SigningKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public Guid DeviceId { get; } = Guid.NewGuid();

    /// <summary>The device's public key from its enrolment.</summary>
    public DeviceJwk? DeviceKey { get; private set; }

    public ConcurrentQueue<EnrolRequest> Enrolments { get; } = new();

    /// <summary>Every file request's Range header ("" for none), in order.</summary>
    public ConcurrentQueue<string> FileRanges { get; } = new();

    public ConcurrentQueue<string?> DesiredStateIfNoneMatch { get; } = new();

    public ConcurrentQueue<DeviceReport> Reports { get; } = new();

    public ConcurrentQueue<string> Assertions { get; } = new();

    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    public DeviceDesiredState? Desired { get; set; }

    /// <summary>The next file response stops after this many bytes by aborting the connection (then it is cleared).</summary>
    public long? CutNextFileAfter { get; set; }

    /// <summary>Answers every file request in full with 200, as a server without range support would.</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>The next enrolment is processed and its answer lost (the connection aborted).</summary>
    public bool LoseNextEnrolAnswer { get; set; }

    public int TokenLifetimeSeconds { get; set; } = 600;

    public int TokensIssued => _tokens.Count;

    /// <summary>When false, every poll, report and download is answered 503 (the platform is away).</summary>
    public bool Up { get; set; } = true;

    private readonly ConcurrentDictionary<string, bool> _tokens = new();

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var platform = new FakePlatform(app);
        platform.Map(app);
        await app.StartAsync();
        return platform;
    }

    /// <summary>Publishes a model version's file and answers a desired state with it (revision <paramref name="revision"/>).</summary>
    public DesiredModel Publish(string model, int version, byte[] bytes, LocalHealthCheck? health = null, string? manifest = null)
    {
        var path = FleetApi.ModelFile(model, version);
        Files[path] = bytes;
        return new DesiredModel(model, version, manifest ?? Manifest(model, version, bytes), health);
    }

    public void Want(string revision, params DesiredModel[] models) =>
        Desired = new DeviceDesiredState(revision, models, new DevicePolling(30, 0.2, 300), [ManifestKeyOf(SigningKey)]);

    /// <summary>A manifest for <paramref name="bytes"/>, signed by the platform's key unless another is given.</summary>
    public string Manifest(string model, int version, byte[] bytes, Guid? device = null, ECDsa? signer = null, string kid = Kid, long? size = null) =>
        Es256.Sign(signer ?? SigningKey, new ModelManifest(
            model, version, Convert.ToHexStringLower(SHA256.HashData(bytes)), size ?? bytes.Length, FleetApi.ModelFile(model, version),
            device ?? DeviceId, "default", Guid.NewGuid(), DateTimeOffset.UtcNow), kid);

    public static ManifestKey ManifestKeyOf(ECDsa key) => new(Kid, Es256.PublicJwk(key));

    public EnrolledDevice Enrolled() =>
        new(DeviceId, "default", "edge-1", new Dictionary<string, string>(), "Active", 1, FleetApi.Token(DeviceId), [ManifestKeyOf(SigningKey)]);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SigningKey.Dispose();
    }
}
