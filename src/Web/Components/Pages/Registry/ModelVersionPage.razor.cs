using System.Text.Json;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Registry;

/// <summary>One model version: schema, lineage, metrics, evaluations against the stage holder, its own model card, tags and stage history.</summary>
public partial class ModelVersionPage
{
    [Parameter] public string Name { get; set; } = "";
    [Parameter] public int Version { get; set; }

    private ModelVersionInfo? _version;
    private ModelStatus _status = ModelStatus.None;
    private IReadOnlyList<ModelVersionInfo> _holders = [];

    private List<BreadcrumbItem> Trail =>
        [new("Model registry", "/models"), new(Name, $"/models/{Uri.EscapeDataString(Name)}"), new($"v{Version}", null, disabled: true)];

    protected override async Task LoadAsync()
    {
        _version = await Api.ModelVersionAsync(Name, Version);
        var status = ModelStatus.ReadAsync(Api, Name);
        var versions = Api.VersionsAsync(Name, 100, null);
        _status = await status;
        _holders = [.. (await versions).Items.Where(v => v.Stage is "Production" or "Staging" && v.Version != Version)];
    }

    /// <summary>The lineage's ids that have a portal page (run, training job, experiment) as links to it.</summary>
    private RenderFragment? LineageLink(string property, JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { } id && property switch
        {
            "runId" => $"/runs/{id}",
            "trainingJobId" => $"/jobs/{id}",
            "experimentId" => $"/experiments/{id}",
            _ => null,
        } is { } href
            ? b =>
            {
                b.OpenComponent<MudLink>(0);
                b.AddAttribute(1, "Href", href);
                b.AddAttribute(2, "ChildContent", (RenderFragment)(c => c.AddContent(3, id)));
                b.CloseComponent();
            }
            : null;

    private static IEnumerable<string> Numbers(JsonElement metrics) => metrics.ValueKind == JsonValueKind.Object
        ? metrics.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).Select(p => $"{p.Name} {p.Value.GetDouble():0.####}")
        : [];
}
