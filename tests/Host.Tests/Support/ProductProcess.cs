using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Platform.Host.Tests.Support;

/// <summary>
/// The built product started as its users start it: <c>dotnet run --project src/Host --no-build</c> (or a publish
/// output's <c>dotnet Platform.Host.dll</c>) as a child process, in the Production environment, from a scratch working
/// folder (so its data goes to <c>./data</c> there), with a port of its own and nothing else configured.
/// </summary>
public sealed partial class ProductProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly bool _ownsFolder;

    private ProductProcess(Process process, string workingFolder, bool ownsFolder, Uri address)
    {
        _process = process;
        WorkingFolder = workingFolder;
        _ownsFolder = ownsFolder;
        BaseAddress = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Exited += (_, _) => _running.TrySetException(new InvalidOperationException($"The product exited ({process.ExitCode}) before it listened:\n{Output}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where the command was typed: the product keeps its database and files in <c>data/</c> under it.</summary>
    public string WorkingFolder { get; }

    public Uri BaseAddress { get; }

    public string Output => string.Join('\n', _output);

    /// <summary>The build's configuration, the same as the test's own (Debug unless the tests were built in Release).</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The repository's root: the folder above this test's output that holds Platform.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// The README's first command, <c>--no-build</c> since the suite built the solution already, in a scratch folder of
    /// its own (removed afterwards) or in <paramref name="workingFolder"/> (kept: a restart finds its data there).
    /// </summary>
    public static Task<ProductProcess> RunAsync(string? workingFolder = null) =>
        StartAsync("dotnet", ["run", "--project", Path.Combine(RepositoryRoot, "src", "Host"), "--no-build", "-c", Configuration], workingFolder);

    /// <summary>A publish output started with <c>dotnet Platform.Host.dll</c>.</summary>
    public static Task<ProductProcess> RunPublishedAsync(string publishFolder) =>
        StartAsync("dotnet", [Path.Combine(publishFolder, "Platform.Host.dll")], null);

    /// <summary>SIGKILL to the product and <c>dotnet run</c> above it: no shutdown, as when the machine loses power.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>The first admin's generated password, read from the file the product wrote for its operator.</summary>
    public string AdminPassword()
    {
        var text = File.ReadAllText(Path.Combine(WorkingFolder, "data", "initial-admin-password.txt"));
        return PasswordLine().Match(text) is { Success: true } match
            ? match.Groups[1].Value.Trim()
            : throw new InvalidOperationException("No password line in data/initial-admin-password.txt: " + text);
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (!_ownsFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(WorkingFolder, recursive: true);
        }
        catch (IOException)
        {
            // a file still being closed: the temp folder is the OS's to clean
        }
    }

    private static async Task<ProductProcess> StartAsync(string program, IReadOnlyList<string> arguments, string? workingFolder)
    {
        var folder = workingFolder ?? Path.Combine(Path.GetTempPath(), "platform-product", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        // As on a user's machine: no environment name (so Production), none of the test runner's ASP.NET settings.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k == "DOTNET_ENVIRONMENT").ToList())
        {
            start.Environment.Remove(name);
        }

        var product = new ProductProcess(Process.Start(start)!, folder, workingFolder is null, address);
        try
        {
            await product._running.Task.WaitAsync(StartDeadline);
        }
        catch (TimeoutException)
        {
            var output = product.Output;
            await product.DisposeAsync();
            throw new InvalidOperationException($"The product did not say it was running within {StartDeadline.TotalSeconds} s:\n{output}");
        }
        catch (InvalidOperationException)
        {
            await product.DisposeAsync();
            throw;
        }

        return product;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 5_000)
        {
            _output.TryDequeue(out _);
        }

        if (line.StartsWith("Platform is running at ", StringComparison.Ordinal))
        {
            _running.TrySetResult();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\s*password:\s*(\S+)\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex PasswordLine();
}
