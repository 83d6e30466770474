using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Messaging;
using Platform.Workers.Api;
using Platform.Workers.Executors;
using Platform.Workers.Runtime;
using Platform.Workers.Scripts;

namespace Platform.Workers;

/// <summary>How a worker is put together; used by the Workers process and in-process by the embedded Host.</summary>
public static class WorkerComposition
{
    /// <summary>
    /// Registers the worker's services and returns its bus participant (the caller adds the one bus). The Api's address
    /// is <c>Worker:ApiUrl</c> unless the caller registered an <see cref="IApiAddress"/> first (the embedded host).
    /// </summary>
    public static IBusParticipant AddPlatformWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        services.Configure<WorkerOptions>(configuration.GetSection(WorkerOptions.Section));
        var capabilities = WorkerCapabilities.Detect(options.Name);
        var identity = WorkerIdentity.Create();
        var scripts = new ScriptOptions(
            options.ScriptCommands.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            options.ScriptWorkRoot ?? Path.Combine(Path.GetTempPath(), "platform-jobs"));
        IJobExecutor[] executors = [new DiagnosticJobExecutor(), new TrainJobExecutor(new ScriptTrainer(scripts)), new EvaluateJobExecutor(options.ExecutionProvider), new DeployJobExecutor(options.ExecutionProvider)];
        var queues = WorkerQueues.Resolve(options, capabilities, executors);

        services.AddSingleton(capabilities);
        services.AddSingleton(identity);
        services.AddSingleton(queues);
        foreach (var executor in executors)
        {
            services.AddSingleton(executor);
        }

        if (!services.Any(d => d.ServiceType == typeof(IApiAddress)))
        {
            services.AddSingleton<IApiAddress>(ConfiguredApiAddress.From(options.ApiUrl));
        }

        services.AddHttpClient(nameof(JobReportsClient));
        services.AddHttpClient(nameof(RestJobApi), c => c.Timeout = TimeSpan.FromMinutes(10));
        services.AddHttpClient(nameof(ApiReadiness));
        services.AddSingleton<ApiReadiness>();
        services.AddSingleton<JobReportsClient>();
        services.AddSingleton(new RunningJobs(Math.Max(1, options.MaxConcurrentJobs)));
        services.AddSingleton<LeaseKeeper>();
        services.AddSingleton<JobClaimer>();
        services.AddHostedService<HeartbeatService>();
        services.AddHostedService<ShutdownCoordinator>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownGraceSeconds + 15));
        services.Configure<MassTransitHostOptions>(o => o.StopTimeout = TimeSpan.FromSeconds(options.ShutdownGraceSeconds + 10));
        return new WorkerBusParticipant(queues, identity, Math.Max(1, options.MaxConcurrentJobs));
    }
}
