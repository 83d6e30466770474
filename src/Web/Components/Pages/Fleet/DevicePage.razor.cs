using Microsoft.AspNetCore.Components;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Fleet;

/// <summary>One device: what it is, its labels and key, what it reports and should run per model, and the rollouts that reached it.</summary>
public partial class DevicePage
{
    [Parameter] public Guid Id { get; set; }

    private DeviceInfo? _device;

    protected override async Task LoadAsync() => _device = await Api.DeviceAsync(Id);

    /// <summary>After an Operator's change the device is read again whole (an action's answer has no models or history).</summary>
    private async Task OnChangedAsync() => await TryAsync(LoadAsync);

    private static IEnumerable<(string Name, string Value)> Inventory(DeviceInventoryInfo i)
    {
        (string Name, string? Value)[] facts =
        [
            ("Operating system", i.Os), ("Architecture", i.Architecture), ("CPU cores", i.CpuCores?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Memory", i.MemoryBytes is { } m ? $"{m / (1024.0 * 1024 * 1024):0.#} GiB" : null), ("Accelerator", i.Accelerator),
            ("ONNX Runtime", i.OnnxRuntimeVersion), ("Execution providers", i.ExecutionProviders is { Count: > 0 } p ? string.Join(", ", p) : null),
            ("Agent", i.AgentVersion),
        ];
        return facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => (f.Name, f.Value!));
    }
}
