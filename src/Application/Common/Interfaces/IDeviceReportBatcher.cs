using Platform.Contracts.Fleet;

namespace Platform.Application.Common.Interfaces;

/// <summary>A device's report as received: who sent it, what it said, when.</summary>
public sealed record PendingDeviceReport(Guid DeviceId, DeviceReport Report, DateTimeOffset ReceivedAt);

/// <summary>
/// Group commit for device reports: the reports that arrive while one batch is being written are applied together in
/// the next one unit of work, and each caller is answered once its batch is saved. A fleet's reports then cost one
/// transaction per batch instead of one each (the embedded database has a single writer).
/// </summary>
public interface IDeviceReportBatcher
{
    /// <returns>Whether the report changed what is kept (false for a repeat, a late one or an unchanged one).</returns>
    /// <exception cref="Exceptions.TooManyRequestsException">The queue is full: the device reports again later.</exception>
    Task<bool> SubmitAsync(PendingDeviceReport report, CancellationToken cancellationToken);
}
