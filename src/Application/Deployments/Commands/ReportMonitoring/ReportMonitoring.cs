using System.Text.Json;
using Platform.Application.Common.Auditing;
using Platform.Application.Notifications;
using Platform.Contracts.Api;
using Platform.Domain.Deployments;

namespace Platform.Application.Deployments.Commands.ReportMonitoring;

/// <summary>
/// A serving host's figures for a deployment since its last report (<see cref="MonitoringReport"/>). Each version's
/// figures are kept (the newest <see cref="HistoryPerDeployment"/> per deployment); a feature whose drift alert turns
/// on raises <c>deployment.drift.alert</c>. Telemetry, not a decision: not audited.
/// </summary>
[RequiresRole(Role.Operator | Role.System)]
[NotAudited]
public sealed record ReportMonitoringCommand(string Name, MonitoringReport Report) : ICommand<MonitoringDto>
{
    public const int HistoryPerDeployment = 1000;
}

public sealed class ReportMonitoringCommandValidator : AbstractValidator<ReportMonitoringCommand>
{
    public ReportMonitoringCommandValidator()
    {
        RuleFor(c => c.Report).NotNull().WithMessage("is required");
        When(c => c.Report is not null, () =>
        {
            RuleFor(c => c.Report.Revision).GreaterThanOrEqualTo(1).OverridePropertyName("revision");
            RuleFor(c => c.Report.Host).NotEmpty().MaximumLength(MonitoringSnapshot.MaxHostLength).OverridePropertyName("host");
            RuleFor(c => c.Report.To).Must((c, to) => to >= c.Report.From).WithMessage("must not be before from").OverridePropertyName("to");
            RuleFor(c => c.Report.Versions).NotNull().Must(v => v.Count is >= 1 and <= TrafficSplit.MaxVersions)
                .WithMessage($"must hold 1 to {TrafficSplit.MaxVersions} versions").OverridePropertyName("versions");
            RuleForEach(c => c.Report.Versions).ChildRules(v =>
            {
                v.RuleFor(x => x.Version).GreaterThanOrEqualTo(1);
                v.RuleFor(x => x.Requests).GreaterThanOrEqualTo(0);
                v.RuleFor(x => x.Errors).GreaterThanOrEqualTo(0).Must((x, e) => e <= x.Requests).WithMessage("must not exceed requests");
                v.RuleFor(x => x.SampleSize).GreaterThanOrEqualTo(0);
                v.RuleFor(x => new[] { x.P50Milliseconds, x.P95Milliseconds, x.P99Milliseconds }).Must(l => l.All(m => double.IsFinite(m) && m >= 0))
                    .WithMessage("latencies must be finite numbers of 0 or more").OverridePropertyName("p50Milliseconds");
                v.RuleFor(x => x.Drift).NotNull().Must(d => d!.Count <= 1000).WithMessage("must list at most 1000 features");
                v.RuleForEach(x => x.Drift).ChildRules(f =>
                {
                    f.RuleFor(x => x.Feature).NotEmpty().MaximumLength(200);
                    f.RuleFor(x => x.Psi).Must(double.IsFinite).WithMessage("must be a finite number");
                    f.RuleFor(x => x.Ks).Must(double.IsFinite).WithMessage("must be a finite number");
                });
            }).OverridePropertyName("versions");
        });
    }
}

public sealed class ReportMonitoringCommandHandler(IPlatformDbContext db, TimeProvider clock) : ICommandHandler<ReportMonitoringCommand, MonitoringDto>
{
    public async ValueTask<MonitoringDto> Handle(ReportMonitoringCommand command, CancellationToken cancellationToken)
    {
        var (report, now) = (command.Report, clock.GetUtcNow());
        var deployment = await db.LoadDeploymentAsync(command.Name, cancellationToken);
        // Only each version's newest figures are compared here, not the deployment's alert: no served-versions read.
        var before = (await db.LatestSnapshots([deployment.Id]).ToListAsync(cancellationToken)).Select(VersionMonitoringDto.Of).ToList();
        var turnedOn = new List<DriftAlertVersion>();
        foreach (var version in report.Versions)
        {
            var alerting = before.FirstOrDefault(v => v.Version == version.Version)?.Drift.Where(d => d.Alert).Select(d => d.Feature).ToHashSet() ?? [];
            var fresh = version.Drift.Where(d => d.Alert && !alerting.Contains(d.Feature)).ToList();
            if (fresh.Count > 0)
            {
                turnedOn.Add(new DriftAlertVersion(version.Version, fresh));
            }

            db.MonitoringSnapshots.Add(MonitoringSnapshot.Record(
                deployment.Id, report.Revision, version.Version, report.Host, report.From, report.To, version.Requests, version.Errors,
                version.P50Milliseconds, version.P95Milliseconds, version.P99Milliseconds, version.SampleSize,
                JsonSerializer.Serialize(version.Drift, DeploymentMapping.Json), version.Drift.Any(d => d.Alert), now));
        }

        if (turnedOn.Count > 0)
        {
            var model = await db.ModelNameAsync(deployment.ModelId, cancellationToken);
            db.Publish(deployment, new DeploymentDriftAlertEvent(deployment.Name, model, report.Revision, report.Host, turnedOn), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        var cutoff = await db.MonitoringSnapshots.Where(s => s.DeploymentId == deployment.Id).OrderByDescending(s => s.Sequence)
            .Skip(ReportMonitoringCommand.HistoryPerDeployment).Select(s => (long?)s.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (cutoff is { } oldest)
        {
            await db.MonitoringSnapshots.Where(s => s.DeploymentId == deployment.Id && s.Sequence <= oldest).ExecuteDeleteAsync(cancellationToken);
        }

        return await db.LatestMonitoringAsync(deployment, cancellationToken);
    }
}
