using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Api.Tests.Notifications;

/// <summary>One POST as the receiver saw it, and whether its signature held.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, string Body, bool SignatureValid);

/// <summary>
/// A real HTTP receiver on a loopback port (Kestrel), as a customer would write one: it checks
/// <c>X-Platform-Signature</c> against its secret the way the README says, without the platform's code.
/// </summary>
public sealed class WebhookReceiver(int port, string secret) : IAsyncDisposable
{
    private WebApplication? _app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public Uri Url => new($"http://127.0.0.1:{port}/hooks/platform");

    /// <summary>A loopback port nothing listens on (yet).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks/platform", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var valid = Verify(secret, request.Headers["X-Platform-Timestamp"].ToString(), body, request.Headers["X-Platform-Signature"].ToString());
            Received.Enqueue(new ReceivedWebhook(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, valid));
            return valid ? Results.NoContent() : Results.Unauthorized();
        });
        await _app.StartAsync();
    }

    /// <summary>The README's recipe: hex HMAC-SHA256 of "{timestamp}.{body}" under the secret, compared in constant time.</summary>
    public static bool Verify(string secret, string timestamp, string body, string signatureHeader)
    {
        if (!signatureHeader.StartsWith("sha256=", StringComparison.Ordinal) || !long.TryParse(timestamp, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        byte[] given;
        try
        {
            given = Convert.FromHexString(signatureHeader["sha256=".Length..]);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
