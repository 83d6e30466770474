using System.Runtime.CompilerServices;

namespace Platform.Web.Tests;

/// <summary>
/// bUnit's synchronous waits (WaitForAssertion, Click) block a thread each while the renderer's dispatcher needs another:
/// with the test classes running in parallel on 2 cores the pool started too few, and a wait timed out before its check
/// ever ran (a clean-clone run lost the webhook delivery log test that way). More threads from the start.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);
    }
}
