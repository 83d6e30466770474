using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Platform.Benchmarks;

/// <summary>
/// The embedded host (Release build) as its own process in a scratch working folder, with a known admin, and its
/// memory as the kernel sees it (<c>/proc/PID/status</c>).
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    public const string Password = "benchmark-password-0123";
    private readonly Process _process;

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The host's SQLite file (under its working folder's data folder, as the README's run command puts it).</summary>
    public string DatabasePath { get; private init; } = "";

    /// <summary>Starts the host in <paramref name="workingFolder"/>, with <paramref name="settings"/> as environment variables (<c>Section__Key</c>) on top of the admin's.</summary>
    public static async Task<HostProcess> StartAsync(string workingFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        Directory.CreateDirectory(workingFolder);
        var dll = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Host", "bin", "Release", "net10.0", "Platform.Host.dll");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.GetFullPath(dll), "--urls", address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Bootstrap__AdminUser"] = "admin";
        start.Environment["Bootstrap__AdminPassword"] = Password;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, address) { DatabasePath = Path.Combine(workingFolder, "data", "platform.db") };
        using var client = new HttpClient { BaseAddress = address };
        for (var i = 0; ; i++)
        {
            try
            {
                using var response = await client.GetAsync("/api/v1/experiments");
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    return host;
                }
            }
            catch (HttpRequestException) when (i < 600 && !process.HasExited)
            {
            }

            await Task.Delay(100);
        }
    }

    public async Task<HttpClient> SignedInClientAsync()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(5) };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = Password });
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>VmRSS and VmHWM in MB.</summary>
    public (int RssMb, int PeakMb) Memory()
    {
        var lines = File.ReadAllLines($"/proc/{_process.Id}/status");
        int Field(string name) => (int)(long.Parse(lines.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024);
        return (Field("VmRSS"), Field("VmHWM"));
    }

    /// <summary>Resets VmHWM to the current RSS (Linux: 5 into clear_refs).</summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
