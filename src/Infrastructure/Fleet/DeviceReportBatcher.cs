using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Application.Fleet;
using Platform.Application.Fleet.Commands.ApplyDeviceReports;
using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Fleet;

/// <summary>
/// <see cref="IDeviceReportBatcher"/>: one writer takes every report waiting (up to <c>Fleet:MaxReportsPerBatch</c>) and
/// applies them in one unit of work, answering each caller when it is saved; the reports that arrive meanwhile make the
/// next batch. When the database refuses a batch, it is written in halves, so that one bad report fails alone and the
/// others are kept; when the database is away, every caller of the batch is answered with the error at once. A full
/// queue (<c>Fleet:ReportQueueLength</c>) answers 429: the device reports again later.
/// </summary>
public sealed class DeviceReportBatcher(IServiceScopeFactory scopes, IOptions<FleetOptions> options, ILogger<DeviceReportBatcher> logger)
    : BackgroundService, IDeviceReportBatcher
{
    private const string Actor = "platform:device-reports";
    private readonly Channel<Submitted> _queue = Channel.CreateBounded<Submitted>(
        new BoundedChannelOptions(Math.Max(1, options.Value.ReportQueueLength)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public async Task<bool> SubmitAsync(PendingDeviceReport report, CancellationToken cancellationToken)
    {
        var submitted = new Submitted(report, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(submitted))
        {
            throw new TooManyRequestsException("The platform is taking in too many device reports at the moment; report again later.", TimeSpan.FromSeconds(5));
        }

        return await submitted.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Submitted>();
        var max = Math.Max(1, options.Value.MaxReportsPerBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < max && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what waits is answered as cancelled below; the devices report again.
        }
        finally
        {
            _queue.Writer.TryComplete();
            foreach (var left in batch.Concat(Drain()))
            {
                left.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    private IEnumerable<Submitted> Drain()
    {
        while (_queue.Reader.TryRead(out var left))
        {
            yield return left;
        }
    }

    private async Task WriteAsync(List<Submitted> batch, CancellationToken stoppingToken)
    {
        try
        {
            var changed = await ApplyAsync(batch.Select(s => s.Report).ToList(), stoppingToken);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(changed[i]);
            }
        }
        catch (Exception e) when (batch.Count > 1 && IsAboutTheData(e) && !stoppingToken.IsCancellationRequested)
        {
            // One report the database refuses (a rule, a conflict) must not sink the others: halves until it is alone.
            logger.LogWarning(e, "A batch of {Count} device reports was refused; writing it in halves", batch.Count);
            var half = batch.Count / 2;
            await WriteAsync(batch[..half], stoppingToken);
            await WriteAsync(batch[half..], stoppingToken);
        }
        catch (Exception e)
        {
            // The database is away or the host is stopping: every caller of the batch hears it (their devices report again).
            foreach (var one in batch)
            {
                one.Done.TrySetException(e);
            }
        }
    }

    private static bool IsAboutTheData(Exception e) =>
        e is DbUpdateException or ConflictException or Domain.Common.DomainException or NotFoundException or RequestValidationException;

    private async Task<IReadOnlyList<bool>> ApplyAsync(IReadOnlyList<PendingDeviceReport> reports, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SystemSender>().SendAsync(new ApplyDeviceReportsCommand(reports), Actor, stoppingToken);
    }

    private sealed record Submitted(PendingDeviceReport Report, TaskCompletionSource<bool> Done);
}
