using System.Text.Json;

namespace Platform.Edge.Storage;

/// <summary>
/// The agent's state in memory and on disk: every change goes through <see cref="Update"/>, which writes the file
/// before anyone sees the new value. One writer at a time (the agent's loop); readers get an immutable snapshot.
/// </summary>
internal sealed class AgentStateStore
{
    private readonly StatePaths _paths;
    private readonly Lock _lock = new();
    private AgentState _current;

    public AgentStateStore(StatePaths paths, ILogger<AgentStateStore> logger)
    {
        _paths = paths;
        try
        {
            _current = AtomicFile.ReadJson<AgentState>(paths.Agent) ?? new AgentState();
        }
        catch (JsonException ex)
        {
            // A state file that cannot be read must not keep the device from starting: it re-learns from the platform.
            logger.LogError("The agent state {Path} is unreadable ({Reason}); starting with none", paths.Agent, ex.Message);
            _current = new AgentState();
        }
    }

    public AgentState Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    public AgentState Update(Func<AgentState, AgentState> change)
    {
        lock (_lock)
        {
            var next = change(_current);
            AtomicFile.WriteJson(_paths.Agent, next);
            _current = next;
            return next;
        }
    }

    /// <summary>Changes one model's record (creating it when new).</summary>
    public AgentState UpdateModel(string name, Func<ModelRecord, ModelRecord> change) => Update(state =>
    {
        var models = new Dictionary<string, ModelRecord>(state.Models, StringComparer.Ordinal)
        {
            [name] = change(state.Models.GetValueOrDefault(name) ?? new ModelRecord()),
        };
        return state with { Models = models };
    });
}
