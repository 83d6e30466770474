using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Governance;

public partial class ApprovalPanel
{
    [Parameter, EditorRequired] public PromotionRequest Request { get; set; } = null!;

    /// <summary>Whether the viewer may decide this one (not their own request).</summary>
    [Parameter] public bool CanDecide { get; set; }

    /// <summary>Why the viewer may not decide, shown instead of the buttons.</summary>
    [Parameter] public string? Reason { get; set; }

    [Parameter] public bool Busy { get; set; }
    [Parameter] public EventCallback<string?> OnApprove { get; set; }
    [Parameter] public EventCallback<string> OnReject { get; set; }

    /// <summary>The candidate's metrics beside the stage holder's (empty: not read, or none recorded).</summary>
    [Parameter] public IReadOnlyList<MetricDelta> Metrics { get; set; } = [];

    private string? _comment;

    private string GatesText => Request.RequestEvidence.Results.Count == 0 ? "No gates" : Request.RequestEvidence.Passed ? "Gates passed" : "Gates failed";

    private Color GatesColor => Request.RequestEvidence.Results.Count == 0 ? Color.Default : Request.RequestEvidence.Passed ? Color.Success : Color.Error;

    private async Task ApproveAsync()
    {
        if (await ConfirmAsync("Approve", $"Approve promoting {Request.Model} v{Request.Version} to {Request.TargetStage}? A decision is final."))
        {
            await OnApprove.InvokeAsync(Blank(_comment) ? null : _comment!.Trim());
        }
    }

    private async Task RejectAsync()
    {
        if (await ConfirmAsync("Reject", $"Reject promoting {Request.Model} v{Request.Version} to {Request.TargetStage}? A decision is final."))
        {
            await OnReject.InvokeAsync(_comment!.Trim());
        }
    }

    private async Task<bool> ConfirmAsync(string verb, string question) =>
        await Dialogs.ShowMessageBoxAsync($"{verb} request", question, yesText: verb, cancelText: "Cancel") == true;

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
