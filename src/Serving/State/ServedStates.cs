namespace Platform.Serving.State;

/// <summary>What the admin surface answers: the state served now and the one a rollback returns to (null when none).</summary>
public sealed record ServedStates(DesiredServingState Current, DesiredServingState? Previous)
{
    public static ServedStates Of(IServingState state) => new(state.Current.Desired, state.Previous);
}
