using System.Diagnostics;
using System.Net.Sockets;

namespace Platform.Integration.Tests.Support;

/// <summary>
/// The private RabbitMQ and Redis that scripts/test-services.sh runs for these tests. If they are not running the
/// tests fail loudly: run ./scripts/test.sh, which installs and starts them.
/// </summary>
public static class TestServices
{
    public const int RabbitMqPort = 35672;
    public const int RedisPort = 36379;
    public static readonly string Root = FindRoot();

    public static void EnsureRunning()
    {
        foreach (var (name, port) in new[] { ("RabbitMQ", RabbitMqPort), ("Redis", RedisPort) })
        {
            if (!IsOpen(port))
            {
                throw new InvalidOperationException(
                    $"{name} is not listening on 127.0.0.1:{port}. Run ./scripts/test.sh (it installs and starts it), or scripts/test-services.sh start.");
            }
        }
    }

    /// <summary>A virtual host of its own, so that tests never see each other's queues.</summary>
    public static async Task<string> NewVirtualHostAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        await RunScriptAsync(RabbitMqPort, "add-vhost", name);
        return name;
    }

    /// <summary>A broker of its own on <paramref name="port"/>, started empty: for tests that stop and start it.</summary>
    public static Task StartFreshRabbitMqAsync(int port) => RunScriptAsync(port, "start-fresh-rabbitmq");

    public static Task StopRabbitMqAsync(int port) => RunScriptAsync(port, "stop-rabbitmq");

    public static Task StartRabbitMqAsync(int port) => RunScriptAsync(port, "start-rabbitmq");

    public static bool IsOpen(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunScriptAsync(int rabbitMqPort, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Root, "scripts", "test-services.sh")) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PLATFORM_TEST_RABBITMQ_PORT"] = rabbitMqPort.ToString();
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"test-services.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {output}");
        }
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Platform.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test folder");
    }
}
