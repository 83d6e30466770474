using Platform.Domain.Workspaces;
using Platform.Domain.Common;

namespace Platform.Domain.Runs;

/// <summary>One execution of training code inside an experiment: its params, tags and lifecycle.</summary>
/// <remarks>Metric points and artefacts belong to the run but are written in bulk outside this aggregate.</remarks>
public sealed partial class Run : IWorkspaceOwned
{
    public const int MaxNameLength = 250;

    private readonly List<RunParam> _params = [];
    private readonly List<RunTag> _tags = [];

    private Run()
    {
        Name = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The workspace it lives in, stamped when it is first saved.</summary>
    public Guid WorkspaceId { get; private set; }
    public Guid ExperimentId { get; private set; }
    public string Name { get; private set; }
    public RunStatus Status { get; private set; }
    public DateTimeOffset StartTime { get; private set; }
    public DateTimeOffset? EndTime { get; private set; }
    public string CreatedBy { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyCollection<RunParam> Params => _params;
    public IReadOnlyCollection<RunTag> Tags => _tags;

    public static Run Start(Guid experimentId, string? name, string createdBy, DateTimeOffset startTime)
    {
        var id = Ids.New();
        return new Run
        {
            Id = id,
            ExperimentId = experimentId,
            Name = string.IsNullOrWhiteSpace(name) ? $"run-{id.ToString("N")[^8..]}" : name.Trim(),
            Status = RunStatus.Running,
            StartTime = startTime.ToUniversalTime(),
            CreatedBy = createdBy,
            Version = 1,
        };
    }

    public void Rename(string name)
    {
        Name = name.Trim();
        Version++;
    }

    /// <summary>Moves the run along its lifecycle. A run that ended cannot change status again.</summary>
    public void ChangeStatus(RunStatus status, DateTimeOffset? endTime, DateTimeOffset now)
    {
        if (status == Status)
        {
            if (endTime is not null && Status.IsTerminal())
            {
                SetEndTime(endTime.Value);
                Version++;
            }

            return;
        }

        if (Status.IsTerminal())
        {
            throw new DomainException("run.already-ended", $"Run '{Name}' already ended as {Status}; its status cannot change to {status}.");
        }

        if (status == RunStatus.Scheduled)
        {
            throw new DomainException("run.invalid-transition", $"Run '{Name}' is {Status}; it cannot go back to Scheduled.");
        }

        Status = status;
        if (status.IsTerminal())
        {
            SetEndTime(endTime ?? now);
        }

        Version++;
    }

    /// <summary>Sets params; a key that is already set keeps its value: a different one is a conflict.</summary>
    public void LogParams(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var added = false;
        foreach (var (key, value) in parameters)
        {
            var existing = _params.Find(p => p.Key == key);
            if (existing is null)
            {
                _params.Add(new RunParam(Id, key, value));
                added = true;
            }
            else if (existing.Value != value)
            {
                throw new DomainException(
                    "run.param-conflict",
                    $"Param '{key}' is already set to '{existing.Value}'; params are set once and cannot change to '{value}'.");
            }
        }

        if (added)
        {
            Version++;
        }
    }

    public void SetTag(string key, string value)
    {
        var existing = _tags.Find(t => t.Key == key);
        if (existing is null)
        {
            _tags.Add(new RunTag(Id, key, value));
        }
        else
        {
            existing.Value = value;
        }

        Version++;
    }

    /// <returns>Whether the tag existed.</returns>
    public bool DeleteTag(string key)
    {
        var removed = _tags.RemoveAll(t => t.Key == key) > 0;
        if (removed)
        {
            Version++;
        }

        return removed;
    }

    private void SetEndTime(DateTimeOffset endTime)
    {
        if (endTime < StartTime)
        {
            throw new DomainException("run.end-before-start", $"End time {endTime:O} is before the run's start time {StartTime:O}.");
        }

        EndTime = endTime.ToUniversalTime();
    }
}
