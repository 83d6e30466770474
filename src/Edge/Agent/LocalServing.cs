using System.Globalization;
using Platform.Edge.Storage;
using Platform.Serving.Monitoring;
using Platform.Serving.State;

namespace Platform.Edge.Agent;

/// <summary>
/// The agent as Serving's control plane: what to serve is one version per model, each under the model's name
/// (<c>/v2/models/{name}</c>, as in the data centre), applied whole through <see cref="IServingState"/>, which loads the
/// new version before it switches and changes nothing when a load fails.
/// </summary>
internal sealed class LocalServing(IServingState serving)
{
    /// <summary>Serves exactly <paramref name="files"/>; on a load failure the served state is unchanged and the error thrown.</summary>
    public Task ServeAsync(IReadOnlyDictionary<string, ModelFile> files, CancellationToken cancellationToken) =>
        serving.ApplyAsync(new DesiredServingState
        {
            Endpoints =
            [
                .. files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new EndpointSpec
                {
                    Name = f.Key,
                    Versions = [new VersionSpec { Version = Text(f.Value.Version), ModelPath = f.Value.Path, Weight = 100 }],
                }),
            ],
        }, cancellationToken);

    /// <summary>What the model's version served since it was loaded; <c>null</c> when that version is not served.</summary>
    public LatencyFigures? Figures(string model, int version) =>
        serving.Current.Endpoints.TryGetValue(model, out var endpoint)
        && endpoint.Versions.FirstOrDefault(v => v.Model.Version == Text(version)) is { } served
            ? served.Model.Monitor.SinceLoaded()
            : null;

    /// <summary>What the state's records say is served, with <paramref name="model"/> set to <paramref name="file"/> (removed when null).</summary>
    public static Dictionary<string, ModelFile> Map(AgentState state, string? model = null, ModelFile? file = null)
    {
        var map = state.Models.Where(m => m.Value.Serving is not null).ToDictionary(m => m.Key, m => m.Value.Serving!, StringComparer.Ordinal);
        if (model is not null)
        {
            if (file is null)
            {
                map.Remove(model);
            }
            else
            {
                map[model] = file;
            }
        }

        return map;
    }

    private static string Text(int version) => version.ToString(CultureInfo.InvariantCulture);
}
