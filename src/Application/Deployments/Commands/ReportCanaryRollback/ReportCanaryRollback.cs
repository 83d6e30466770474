using System.Globalization;
using System.Text.Json;
using Platform.Contracts.Api;
using Platform.Domain.Deployments;

namespace Platform.Application.Deployments.Commands.ReportCanaryRollback;

/// <summary>
/// A serving host rolled a canary back (<see cref="CanaryRollbackReport"/>): the deployment records it as a new Active
/// revision without the canary, audited with the report's figures and announced as <c>deployment.canary.rolledBack</c>.
/// Hosts retry: a report about a revision that is no longer active (rolled back already, or replaced) changes nothing.
/// </summary>
[RequiresRole(Role.Operator | Role.System)]
public sealed record ReportCanaryRollbackCommand(string Name, CanaryRollbackReport Report) : ICommand<CanaryRollbackDto>;

public sealed class ReportCanaryRollbackCommandValidator : AbstractValidator<ReportCanaryRollbackCommand>
{
    public ReportCanaryRollbackCommandValidator()
    {
        RuleFor(c => c.Report).NotNull().WithMessage("is required");
        RuleFor(c => c.Report.Revision).GreaterThanOrEqualTo(1).When(c => c.Report is not null).OverridePropertyName("revision");
        RuleFor(c => c.Report.Version).GreaterThanOrEqualTo(1).When(c => c.Report is not null).OverridePropertyName("version");
        RuleFor(c => c.Report.Reason).NotEmpty().MaximumLength(1000).When(c => c.Report is not null).OverridePropertyName("reason");
        RuleFor(c => c.Report.Host).NotEmpty().MaximumLength(MonitoringSnapshot.MaxHostLength).When(c => c.Report is not null).OverridePropertyName("host");
        RuleFor(c => c.Report.Requests).GreaterThanOrEqualTo(0).When(c => c.Report is not null).OverridePropertyName("requests");
        RuleFor(c => c.Report.Errors).InclusiveBetween(0, long.MaxValue).Must((c, e) => e <= c.Report.Requests)
            .WithMessage("must be between 0 and requests").When(c => c.Report is not null).OverridePropertyName("errors");
        RuleFor(c => c.Report.ErrorRate).InclusiveBetween(0, 1).When(c => c.Report is not null).OverridePropertyName("errorRate");
        RuleFor(c => c.Report.P95Milliseconds).Must(v => double.IsFinite(v) && v >= 0).WithMessage("must be a finite number of 0 or more")
            .When(c => c.Report is not null).OverridePropertyName("p95Milliseconds");
        RuleFor(c => c.Report.WindowEnd).Must((c, end) => end >= c.Report.WindowStart).WithMessage("must not be before windowStart")
            .When(c => c.Report is not null).OverridePropertyName("windowEnd");
    }
}

public sealed class ReportCanaryRollbackCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReportCanaryRollbackCommand, CanaryRollbackDto>
{
    public async ValueTask<CanaryRollbackDto> Handle(ReportCanaryRollbackCommand command, CancellationToken cancellationToken)
    {
        var (report, now) = (command.Report, clock.GetUtcNow());
        var deployment = await db.LoadDeploymentAsync(command.Name, cancellationToken);
        var reported = await db.RevisionAsync(deployment.Id, report.Revision, cancellationToken)
            ?? throw new NotFoundException("Deployment revision", $"{deployment.Name} revision {report.Revision}");
        if (reported.State != RevisionState.Active)
        {
            return new CanaryRollbackDto(false, await db.DescribeAsync(deployment, withMonitoring: false, cancellationToken));
        }

        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Canary v{report.Version} rolled back by {report.Host}: error rate {report.ErrorRate:0.####} ({report.Errors} of {report.Requests} requests), p95 {report.P95Milliseconds:0.###} ms, {report.WindowStart:O} to {report.WindowEnd:O}. {report.Reason}");
        var reportJson = JsonSerializer.Serialize(report, DeploymentMapping.Json);
        var revision = deployment.RollBackCanary(reported, report.Version, reportJson, reason[..Math.Min(reason.Length, DeploymentRevision.MaxReasonLength)], user.Name, now);
        db.DeploymentRevisions.Add(revision);
        var model = await db.ModelNameAsync(deployment.ModelId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new CanaryRollbackDto(true, DeploymentDto.From(deployment, model, revision, null, null, await db.DriftAlertAsync(deployment.Id, revision, cancellationToken)));
    }
}
