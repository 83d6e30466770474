using System.Diagnostics;
using Platform.Serving.Models;
using Platform.Serving.Monitoring;
using Platform.Serving.Protocol;
using Platform.Serving.Telemetry;

namespace Platform.Serving.Endpoints;

/// <summary>
/// Runs one inference request on a leased version: injected faults first (drills), then the handler; faults become
/// problem details, and every outcome is recorded in the metrics and the version's monitor. A routed request whose run
/// fails on the canary is run once more on a stable version, so that the caller still gets an answer (the error counts
/// against the canary).
/// </summary>
internal static class InferenceServing
{
    public static async Task ServeAsync<TBody>(
        HttpContext context, string name, string? version, InferenceServices services, TBody body, Func<HttpContext, LoadedModel, TBody, Task> handle)
    {
        var model = ModelLease.TryTake(services.State, name, version, out var found, out var endpoint);
        if (model is null)
        {
            await (found ? ServingProblems.Unavailable(name) : ServingProblems.ModelNotFound(name, version)).ExecuteAsync(context);
            return;
        }

        bool answered;
        var canary = false;
        try
        {
            answered = await TryRunAsync(context, model, services, body, handle);
            canary = !answered && version is null && endpoint!.IsCanary(model) && !context.Response.HasStarted;
            if (!answered && !canary)
            {
                await ServingProblems.InferenceFailed(model.Endpoint, model.Version).ExecuteAsync(context);
            }
        }
        finally
        {
            model.Release();
        }

        if (canary)
        {
            await RetryOnStableAsync(context, name, model, services, body, handle);
        }
    }

    private static async Task RetryOnStableAsync<TBody>(
        HttpContext context, string name, LoadedModel canary, InferenceServices services, TBody body, Func<HttpContext, LoadedModel, TBody, Task> handle)
    {
        var stable = ModelLease.TryTakeStable(services.State, name);
        if (stable is null)
        {
            await ServingProblems.InferenceFailed(canary.Endpoint, canary.Version).ExecuteAsync(context);
            return;
        }

        try
        {
            if (!await TryRunAsync(context, stable, services, body, handle))
            {
                await ServingProblems.InferenceFailed(stable.Endpoint, stable.Version).ExecuteAsync(context);
            }
        }
        finally
        {
            stable.Release();
        }
    }

    /// <summary><c>true</c> when the request was answered (served, or refused as invalid input); <c>false</c> when the run failed (counted and logged).</summary>
    private static async Task<bool> TryRunAsync<TBody>(
        HttpContext context, LoadedModel model, InferenceServices services, TBody body, Func<HttpContext, LoadedModel, TBody, Task> handle)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await services.Faults.ApplyAsync(model.Endpoint, model.Version, context.RequestAborted);
            await handle(context, model, body);
            var elapsed = Stopwatch.GetElapsedTime(started);
            services.Metrics.Served(model.Endpoint, model.Version, elapsed.TotalSeconds);
            model.Monitor.Record(elapsed, error: false);
            return true;
        }
        catch (InvalidInputException ex)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            services.Metrics.Failed(model.Endpoint, model.Version, ServingMetrics.InvalidInput, elapsed.TotalSeconds);
            model.Monitor.Record(elapsed, error: false);
            await ServingProblems.InvalidInput(ex).ExecuteAsync(context);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            services.Metrics.Failed(model.Endpoint, model.Version, ServingMetrics.InferenceFailed, elapsed.TotalSeconds);
            model.Monitor.Record(elapsed, error: true);
            if (ex is InjectedFaultException)
            {
                services.Logger.LogDebug("{Endpoint} version {Version} failed a request by an injected fault", model.Endpoint, model.Version);
            }
            else
            {
                services.Logger.LogError(ex, "{Endpoint} version {Version} failed a request", model.Endpoint, model.Version);
            }

            return false;
        }
    }
}
