using Microsoft.Extensions.Options;
using Platform.Edge.Identity;

namespace Platform.Edge.Federated;

/// <summary>
/// The device as a federated site (<c>Edge:Federated</c>), beside the fleet loop: once the device has enrolled, it
/// registers its local datasets by summary, then asks for a task and does it: every second for a while after one it did
/// (the next round follows within seconds), every <c>PollSeconds</c> while nothing is asked. A failure (the platform away, a round closed meanwhile) waits a poll and
/// tries again; a device with no local dataset takes no part.
/// </summary>
internal sealed class FederatedParticipation(
    Enroller enroller, DeviceHttp http, IOptions<EdgeOptions> options, TimeProvider clock, ILogger<FederatedParticipation> logger) : BackgroundService
{
    private static readonly TimeSpan QuickPolling = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Federated;
        if (settings.Datasets.Count == 0 || string.IsNullOrWhiteSpace(options.Value.Platform))
        {
            return;
        }

        var poll = TimeSpan.FromSeconds(Math.Max(1, settings.PollSeconds));
        List<LocalDataset> datasets;
        try
        {
            datasets = [.. settings.Datasets.Select(d => LocalDataset.FromCsv(d.Name, d.Path, d.LabelColumn))];
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            // The device still serves and follows its fleet; only its part in federated training waits for a fixed setting.
            logger.LogError("Edge:Federated:Datasets cannot be read ({Reason}): this device takes no part in federated training", e.Message);
            return;
        }

        try
        {
            while (enroller.Stored is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }

            var site = new FederatedSite((build, ct) => http.SendAsync(build, ct), datasets);
            var (registered, quickUntil) = (false, DateTimeOffset.MinValue);
            while (!stoppingToken.IsCancellationRequested)
            {
                var busy = false;
                try
                {
                    if (!registered)
                    {
                        await site.RegisterDatasetsAsync(stoppingToken);
                        registered = true;
                        logger.LogInformation("Offered {Count} local dataset(s) for federated training, by summary", datasets.Count);
                    }

                    busy = await site.StepAsync(stoppingToken);
                }
                catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
                {
                    logger.LogWarning("Federated task failed: {Reason}; trying again in {Wait:F0} s", e.Message, poll.TotalSeconds);
                }

                // After a task, the next round follows within seconds: ask every second for a while before the slower poll.
                quickUntil = busy ? clock.GetUtcNow() + QuickPolling : quickUntil;
                await Task.Delay(clock.GetUtcNow() < quickUntil ? TimeSpan.FromSeconds(1) : poll, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
