using Microsoft.AspNetCore.Components;
using Platform.Web.Api;

namespace Platform.Web.Components.Shared;

/// <summary>A candidate version's latest evaluation beside the Production version's on the same dataset version and part.</summary>
public partial class ProductionComparison
{
    [Inject] private PlatformApiClient Api { get; set; } = null!;

    [Parameter, EditorRequired] public string Model { get; set; } = "";
    [Parameter, EditorRequired] public IReadOnlyList<ModelVersionInfo> Versions { get; set; } = [];

    private ModelVersionInfo? _production;
    private List<int> _candidates = [];
    private int _candidate;
    private ModelComparison? _comparison;
    private IReadOnlyList<MetricDelta> _rows = [];
    private string? _message;

    protected override async Task OnParametersSetAsync()
    {
        var production = Versions.FirstOrDefault(v => v.Stage == "Production");
        var candidates = Versions.Where(v => v != production).Select(v => v.Version).ToList();
        if (production?.Version == _production?.Version && candidates.SequenceEqual(_candidates))
        {
            return;
        }

        (_production, _candidates) = (production, candidates);
        if (production is not null && candidates.Count > 0)
        {
            await PickAsync(candidates.Contains(_candidate) ? _candidate : candidates[0]);
        }
    }

    private async Task PickAsync(int version)
    {
        (_candidate, _comparison, _rows, _message) = (version, null, [], null);
        try
        {
            var latest = (await Api.EvaluationsAsync(Model, version)).Items.FirstOrDefault();
            if (latest is null)
            {
                _message = $"v{version} has no evaluation report yet: run an Evaluate job on it.";
                return;
            }

            _comparison = await Api.CompareVersionsAsync(Model, version, _production!.Version, latest.Dataset, latest.DatasetVersion, latest.Split);
            _rows = MetricDeltas.Compare(_comparison.This.Metrics, _comparison.Other.Metrics);
        }
        catch (ApiProblem problem) when (problem.Status == System.Net.HttpStatusCode.NotFound)
        {
            _message = $"The Production version v{_production!.Version} has no evaluation on the dataset version and part v{version} was last evaluated on.";
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            _message = message;
        }
    }
}
