namespace Platform.Domain.Experiments;

public enum LifecycleStage
{
    Active = 0,
    Archived = 1,
}
