using Mediator;
using Platform.Application.Governance;
using Platform.Application.Governance.Commands.RemoveModelApprovalPolicy;
using Platform.Application.Governance.Commands.SetApprovalPolicy;
using Platform.Application.Governance.Queries.ListApprovalPolicies;
using Platform.Domain.Governance;
using Platform.Domain.Identity;
using Platform.Domain.Registry;

namespace Platform.Api.Endpoints;

/// <summary>Approval policies: the environments' own, and a model's own (which applies to it instead).</summary>
internal static class ApprovalPolicyEndpoints
{
    public sealed record PolicyRequest(
        IReadOnlyList<Role>? ApproverRoles, int RequiredApprovals, string? GateDataset, string? GateSplit,
        IReadOnlyList<MetricGate>? Gates, IReadOnlyList<RegressionLimit>? RegressionLimits, int? ExpiryHours);

    public static void MapApprovalPolicyEndpoints(this RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/approval-policies").WithTags("Governance");
        policies.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListApprovalPoliciesQuery(), ct)))
            .WithSummary("The approval policies of Staging and Production (the built-in default where Admin defined none).");
        policies.MapPut("/{environment}", async (ModelStage environment, PolicyRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(Set(environment, r, null), ct)))
            .WithSummary("Defines an environment's policy (Admin): approver roles, distinct approvals, metric gates, regression limits, expiry.");

        var model = api.MapGroup("/models/{name}/approval-policies").WithTags("Governance");
        model.MapGet("/", async (string name, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListApprovalPoliciesQuery(name), ct)))
            .WithSummary("The policies the model's promotions are under, per environment: its own (scope model), else the environment's.");
        model.MapPut("/{environment}", async (string name, ModelStage environment, PolicyRequest r, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(Set(environment, r, name), ct)))
            .WithSummary("Defines the model's own policy for an environment (Admin), used instead of the environment's; its gates check the model's dataset.");
        model.MapDelete("/{environment}", async (string name, ModelStage environment, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemoveModelApprovalPolicyCommand(name, environment), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Removes the model's own policy for an environment (Admin): it falls back to the environment's.");
    }

    private static SetApprovalPolicyCommand Set(ModelStage environment, PolicyRequest r, string? model) =>
        new(environment, r.ApproverRoles, r.RequiredApprovals, r.GateDataset, r.GateSplit, r.Gates, r.RegressionLimits, r.ExpiryHours ?? 24 * 7, model);
}
