using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Fleet;

/// <summary>
/// The edge agent as a device runs it: <c>dotnet run --project src/Edge --no-build</c> as a child process with its
/// settings in the environment (platform address, enrolment token, name, labels, state folder) and a port of its own.
/// </summary>
internal sealed class EdgeAgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private EdgeAgentProcess(Process process, Uri address, string stateDirectory)
    {
        (_process, Address, StateDirectory) = (process, address, stateDirectory);
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where the agent serves the Open Inference Protocol locally.</summary>
    public Uri Address { get; }

    public string StateDirectory { get; }

    public string Output => string.Join('\n', _output);

    /// <param name="settings">More of the agent's settings, as the environment gives them (e.g. <c>Edge__Federated__Datasets__0__Path</c>).</param>
    public static EdgeAgentProcess Start(Uri platform, string enrolmentToken, string name, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string>? settings = null)
    {
        var state = Path.Combine(Path.GetTempPath(), "platform-edge", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = state, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "run", "--project", Path.Combine(ProductProcess.RepositoryRoot, "src", "Edge"), "--no-build", "-c", ProductProcess.Configuration })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k == "DOTNET_ENVIRONMENT").ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Edge__Platform"] = platform.ToString().TrimEnd('/');
        start.Environment["Edge__EnrolmentToken"] = enrolmentToken;
        start.Environment["Edge__Name"] = name;
        start.Environment["Edge__StateDirectory"] = state;
        foreach (var (key, value) in labels)
        {
            start.Environment[$"Edge__Labels__{key}"] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new EdgeAgentProcess(Process.Start(start)!, address, state);
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a file still being closed: the temp folder is the OS's to clean
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 2_000)
        {
            _output.TryDequeue(out _);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
