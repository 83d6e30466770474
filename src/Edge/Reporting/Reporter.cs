using System.Net.Http.Json;
using Platform.Contracts.Fleet;
using Platform.Edge.Agent;
using Platform.Edge.Identity;
using Platform.Edge.Storage;

namespace Platform.Edge.Reporting;

/// <summary>
/// Tells the platform what the device runs (<see cref="DeviceReport"/>): per model the serving version, the target and
/// its state, the reason of a failure and the serving version's inferences, errors and p95 since it was loaded. Each
/// report replaces the last, so a failed one is simply superseded by the next; the sequence only grows (the larger of
/// the stored one plus one and the clock in milliseconds, stored before sending), across restarts and clock changes.
/// </summary>
internal sealed class Reporter(
    DeviceHttp http, AgentStateStore store, LocalServing serving, TimeProvider clock, ILogger<Reporter> logger)
{
    private bool _inventorySent;

    /// <summary>The last report taken by the platform, for the log and tests.</summary>
    public DeviceReport? LastAccepted { get; private set; }

    /// <summary>Sends the current state; <c>false</c> when it did not get through (the next report carries the same news).</summary>
    public async Task<bool> ReportAsync(CancellationToken cancellationToken)
    {
        var state = store.Update(s => s with { Sequence = Math.Max(s.Sequence + 1, clock.GetUtcNow().ToUnixTimeMilliseconds()) });
        var report = Build(state, _inventorySent ? null : DeviceInventoryReader.Read(logger));
        try
        {
            using var limit = PlatformConnection.Limit(cancellationToken);
            using var response = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, FleetApi.Report) { Content = JsonContent.Create(report, options: AtomicFile.Json) }, limit.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The report {Sequence} was answered {Status}; the next one replaces it", report.Sequence, (int)response.StatusCode);
                return false;
            }

            _inventorySent = true;
            LastAccepted = report;
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The report {Sequence} did not get through ({Reason}); the next one replaces it", report.Sequence, ex.Message);
            return false;
        }
    }

    internal DeviceReport Build(AgentState state, DeviceInventory? inventory = null) => new(
        state.Sequence,
        state.DesiredRevision,
        [.. state.Models.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => Model(m.Key, m.Value))],
        inventory);

    private ReportedModel Model(string name, ModelRecord record)
    {
        var figures = record.Serving is { } file ? serving.Figures(name, file.Version) : null;
        return new ReportedModel(
            name,
            record.Serving?.Version,
            record.Target,
            record.State,
            record.FailureReason,
            record.SwitchedAt ?? record.Since,
            figures?.Requests ?? 0,
            figures?.Errors ?? 0,
            figures is { Requests: > 0 } f ? f.P95Milliseconds : null);
    }
}
