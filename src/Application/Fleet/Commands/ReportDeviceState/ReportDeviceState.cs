using Platform.Application.Common.Auditing;
using Platform.Contracts.Fleet;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Commands.ReportDeviceState;

/// <summary>
/// A device's actual state (its token), checked here and applied with the other reports of the same moment in one
/// unit of work (<see cref="IDeviceReportBatcher"/>, <see cref="ApplyDeviceReports.ApplyDeviceReportsCommand"/>); answered
/// once saved. Not audited: devices report on every poll; the rollouts' steps are.
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
        RuleForEach(c => c.Report.Models).NotNull().WithMessage("must be a model's state, not null").OverridePropertyName("models");
        RuleFor(c => c.Report.Models)
            .Must(m => m is null || m.Where(x => x is not null).Select(x => x.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() == m.Count(x => x is not null))
            .WithMessage("must name each model once (names compare without regard to case)").OverridePropertyName("models");
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

public sealed class ReportDeviceStateCommandHandler(IDeviceReportBatcher reports, ICurrentUser caller, TimeProvider clock) : ICommandHandler<ReportDeviceStateCommand, bool>
{
    public async ValueTask<bool> Handle(ReportDeviceStateCommand command, CancellationToken cancellationToken)
    {
        var self = caller.Device ?? throw new ForbiddenAccessException("Only a device reports its state.");
        return await reports.SubmitAsync(new PendingDeviceReport(self.DeviceId, command.Report, clock.GetUtcNow()), cancellationToken);
    }
}
