using Microsoft.AspNetCore.Components;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Registry;

public partial class HolderComparison
{
    [Parameter, EditorRequired] public string Model { get; set; } = "";
    [Parameter, EditorRequired] public int Version { get; set; }
    [Parameter] public string Stage { get; set; } = "";

    /// <summary>Other versions in Staging or Production; the Production one is compared against, else the Staging one.</summary>
    [Parameter] public IReadOnlyList<ModelVersionInfo> Holders { get; set; } = [];

    private ModelVersionInfo? _holder;
    private ModelComparison? _comparison;
    private IReadOnlyList<MetricDelta> _rows = [];
    private string? _message;

    protected override async Task OnParametersSetAsync()
    {
        var holder = Stage == "Production" ? null : Holders.FirstOrDefault(h => h.Stage == "Production") ?? (Stage == "Staging" ? null : Holders.FirstOrDefault(h => h.Stage == "Staging"));
        if (holder?.Version == _holder?.Version && (_comparison is not null || _message is not null))
        {
            return;
        }

        (_holder, _comparison, _rows, _message) = (holder, null, [], null);
        if (holder is null)
        {
            return;
        }

        try
        {
            var latest = (await Api.EvaluationsAsync(Model, Version)).Items.FirstOrDefault();
            if (latest is null)
            {
                _message = $"v{Version} has no evaluation report yet: run an Evaluate job on it.";
                return;
            }

            _comparison = await Api.CompareVersionsAsync(Model, Version, holder.Version, latest.Dataset, latest.DatasetVersion, latest.Split);
            _rows = MetricDeltas.Compare(_comparison.This.Metrics, _comparison.Other.Metrics);
        }
        catch (ApiProblem problem) when (problem.Status == System.Net.HttpStatusCode.NotFound)
        {
            _message = $"v{holder.Version} ({holder.Stage}) has no evaluation on the dataset version and part v{Version} was last evaluated on.";
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            _message = message;
        }
    }
}
