using System.Text.Json;
using Platform.Application.Common.Auditing;
using Platform.Contracts.Fleet;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Commands.ReportDeviceState;

/// <summary>
/// A device's actual state (its token): kept unless a report with the same or a later sequence was taken (a repeat or a
/// late one changes nothing), and read into where the device is in each rollout under way of a model it reports (or
/// should have taken off). Not audited: devices report on every poll; the rollouts' steps are.
/// </summary>
[RequiresRole(Role.Device)]
[NotAudited]
public sealed record ReportDeviceStateCommand(DeviceReport Report) : ICommand<bool>;

public sealed class ReportDeviceStateCommandValidator : AbstractValidator<ReportDeviceStateCommand>
{
    public const int MaxModels = 50;

    public ReportDeviceStateCommandValidator()
    {
        RuleFor(c => c.Report.Sequence).GreaterThanOrEqualTo(1).OverridePropertyName("sequence");
        RuleFor(c => c.Report.DesiredRevision).MaximumLength(100).OverridePropertyName("desiredRevision");
        RuleFor(c => c.Report.Models).Must(m => m is null || m.Count <= MaxModels).WithMessage($"must hold at most {MaxModels} models").OverridePropertyName("models");
        RuleForEach(c => c.Report.Models).ChildRules(model =>
        {
            model.RuleFor(m => m.Name).NotEmpty().MaximumLength(200);
            model.RuleFor(m => m.Target).GreaterThanOrEqualTo(0);
            model.RuleFor(m => m.ServingVersion).GreaterThanOrEqualTo(1);
            model.RuleFor(m => m.State).IsInEnum();
            model.RuleFor(m => m.FailureReason).MaximumLength(RolloutTarget.MaxReasonLength);
            model.RuleFor(m => m.Inferences).GreaterThanOrEqualTo(0);
            model.RuleFor(m => m.Errors).GreaterThanOrEqualTo(0).LessThanOrEqualTo(m => m.Inferences).WithMessage("must be between 0 and the inferences");
            model.RuleFor(m => m.P95Milliseconds).Must(p => p is null || (p >= 0 && double.IsFinite(p.Value))).WithMessage("must be a non-negative number of milliseconds");
        }).OverridePropertyName("models");
        RuleFor(c => c.Report.Inventory).Must(i => FleetJson.Serialize(i).Length <= Device.MaxInventoryLength)
            .WithMessage($"must be at most {Device.MaxInventoryLength} characters as JSON").OverridePropertyName("inventory");
    }
}

public sealed class ReportDeviceStateCommandHandler(IPlatformDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<ReportDeviceStateCommand, bool>
{
    public async ValueTask<bool> Handle(ReportDeviceStateCommand command, CancellationToken cancellationToken)
    {
        var self = caller.Device ?? throw new ForbiddenAccessException("Only a device reports its state.");
        var (report, now) = (command.Report, clock.GetUtcNow());
        var device = await db.LoadDeviceAsync(self.DeviceId, cancellationToken);
        if (!device.TakeReport(report.Sequence, JsonSerializer.Serialize(report with { Inventory = null }, FleetJson.Options), now))
        {
            return false;
        }

        if (report.Inventory is { } inventory)
        {
            device.Report(FleetJson.Serialize(inventory));
        }

        await KeepStatusesAsync(device.Id, report, now, cancellationToken);
        var targets = await (from t in db.RolloutTargets
                             join r in db.Rollouts on t.RolloutId equals r.Id
                             where t.DeviceId == device.Id && (r.State == RolloutState.Running || r.State == RolloutState.Paused || r.State == RolloutState.RollingBack)
                             select new { Target = t, r.Model, r.Version }).ToListAsync(cancellationToken);
        foreach (var (target, model, version) in targets.Select(t => (t.Target, t.Model, t.Version)))
        {
            var reported = report.Models?.FirstOrDefault(m => m.Name == model);
            target.Observe(
                reported?.ServingVersion, reported?.Target ?? 0, (ModelStateOnDevice)(int)(reported?.State ?? ModelOnDevice.Downloading), reported?.FailureReason,
                reported?.Inferences ?? 0, reported?.Errors ?? 0, reported?.P95Milliseconds, version, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>One row per model the device reports (added, changed only when it changed, removed when it no longer reports it).</summary>
    private async Task KeepStatusesAsync(Guid deviceId, DeviceReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kept = await db.DeviceModelStatuses.Where(s => s.DeviceId == deviceId).ToDictionaryAsync(s => s.Model, cancellationToken);
        var reported = (report.Models ?? []).DistinctBy(m => m.Name).ToList();
        foreach (var model in reported)
        {
            if (!kept.TryGetValue(model.Name, out var status))
            {
                status = DeviceModelStatus.Of(deviceId, model.Name);
                db.DeviceModelStatuses.Add(status);
            }

            status.Take(model.ServingVersion, model.Target, (ModelStateOnDevice)(int)model.State, model.FailureReason, model.Since, model.Inferences, model.Errors, model.P95Milliseconds, now);
        }

        db.DeviceModelStatuses.RemoveRange(kept.Values.Where(s => reported.All(m => m.Name != s.Model)));
    }
}
