using Platform.Domain.Workspaces;
using Platform.Domain.Common;

namespace Platform.Domain.Experiments;

/// <summary>A named group of runs that answer one question.</summary>
public sealed class Experiment : IWorkspaceOwned
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;

    private Experiment()
    {
        Name = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The workspace it lives in, stamped when it is first saved.</summary>
    public Guid WorkspaceId { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public LifecycleStage LifecycleStage { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>Optimistic concurrency token, exposed to clients as the ETag.</summary>
    public int Version { get; private set; }

    public bool IsArchived => LifecycleStage == LifecycleStage.Archived;

    public static Experiment Create(string name, string? description, string createdBy, DateTimeOffset now) => new()
    {
        Id = Ids.New(),
        Name = name.Trim(),
        Description = description,
        LifecycleStage = LifecycleStage.Active,
        CreatedBy = createdBy,
        CreatedAt = now,
        UpdatedAt = now,
        Version = 1,
    };

    public void Rename(string name, DateTimeOffset now)
    {
        EnsureActive("rename");
        Name = name.Trim();
        Touch(now);
    }

    public void Describe(string? description, DateTimeOffset now)
    {
        EnsureActive("describe");
        Description = description;
        Touch(now);
    }

    public void Archive(DateTimeOffset now)
    {
        if (IsArchived)
        {
            throw new DomainException("experiment.already-archived", $"Experiment '{Name}' is already archived.");
        }

        LifecycleStage = LifecycleStage.Archived;
        ArchivedAt = now;
        Touch(now);
    }

    public void Restore(DateTimeOffset now)
    {
        if (!IsArchived)
        {
            throw new DomainException("experiment.not-archived", $"Experiment '{Name}' is not archived.");
        }

        LifecycleStage = LifecycleStage.Active;
        ArchivedAt = null;
        Touch(now);
    }

    /// <summary>Runs can only be added to an active experiment.</summary>
    public void EnsureActive(string action)
    {
        if (IsArchived)
        {
            throw new DomainException("experiment.archived", $"Experiment '{Name}' is archived: cannot {action}. Restore it first.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
