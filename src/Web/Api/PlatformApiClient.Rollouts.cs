using System.Globalization;

namespace Platform.Web.Api;

/// <summary>The rollout pages' calls: list, start, read one with its devices, pause, resume, abort or roll it back, and approve or reject it.</summary>
public sealed partial class PlatformApiClient
{
    /// <summary>The most rows the Api gives in one page of rollouts.</summary>
    public const int MaxRolloutPage = 100;

    public Task<Page<RolloutInfo>> RolloutsAsync(string? model, string? state, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<RolloutInfo>>($"api/v1/fleet/rollouts?limit={Math.Clamp(limit, 1, MaxRolloutPage)}{Query("model", model)}{Query("state", state)}{Cursor(cursor)}", ct);

    public Task<RolloutInfo> RolloutAsync(Guid id, CancellationToken ct = default) => GetAsync<RolloutInfo>($"api/v1/fleet/rollouts/{id}", ct);

    /// <summary>Starts a rollout (Operator): 422 when the version is not approved into the environment, 409 while the model has one under way, 400 per field.</summary>
    public Task<RolloutInfo> StartRolloutAsync(RolloutPlan plan, CancellationToken ct = default) => PostAsync<RolloutInfo>("api/v1/fleet/rollouts", plan, ct);

    /// <summary>The devices a rollout gave its version to (paged), of one wave (from 1) or status when given.</summary>
    public Task<Page<RolloutTargetInfo>> RolloutDevicesAsync(Guid id, int? wave, string? status, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<RolloutTargetInfo>>(
            $"api/v1/fleet/rollouts/{id}/devices?limit={limit}{Query("wave", wave?.ToString(CultureInfo.InvariantCulture))}{Query("status", status)}{Cursor(cursor)}", ct);

    /// <summary>Pauses, resumes, aborts or rolls back a rollout (Operator), with an optional reason.</summary>
    public Task<RolloutInfo> ActOnRolloutAsync(Guid id, RolloutAction action, string? reason, CancellationToken ct = default) =>
        PostAsync<RolloutInfo>($"api/v1/fleet/rollouts/{id}/{action.Path}", new { reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() }, ct);

    /// <summary>Approves a rollout awaiting its approval (Approver, not its starter), with an optional comment: it starts.</summary>
    public Task<RolloutInfo> ApproveRolloutAsync(Guid id, string? comment, CancellationToken ct = default) =>
        PostAsync<RolloutInfo>($"api/v1/fleet/rollouts/{id}/approve", new { comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim() }, ct);

    /// <summary>Rejects a rollout awaiting its approval (Approver, not its starter), saying why: it ends.</summary>
    public Task<RolloutInfo> RejectRolloutAsync(Guid id, string comment, CancellationToken ct = default) =>
        PostAsync<RolloutInfo>($"api/v1/fleet/rollouts/{id}/reject", new { comment = comment.Trim() }, ct);
}

/// <summary>What an Operator may do to a rollout, when, and the words the confirmation uses.</summary>
public sealed record RolloutAction(string Path, string Label, string Consequence, IReadOnlyList<string> From)
{
    public static readonly RolloutAction Pause = new("pause", "Pause", "No more devices get the version until it is resumed.", ["Running"]);
    public static readonly RolloutAction Resume = new("resume", "Resume", "It goes on; the current wave is judged afresh from now.", ["Paused"]);
    public static readonly RolloutAction Abort = new(
        "abort", "Abort", "Nobody else gets the version; devices that have it keep it. This cannot be undone.", ["Running", "Paused", RolloutStates.AwaitingApproval]);
    public static readonly RolloutAction Rollback = new("rollback", "Roll back", "Every device it touched is sent its previous version. This cannot be undone.", ["Running", "Paused"]);

    public static readonly IReadOnlyList<RolloutAction> All = [Pause, Resume, Abort, Rollback];

    public bool AllowedIn(string state) => From.Contains(state);
}
