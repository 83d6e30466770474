namespace Platform.Serving.State;

/// <summary>
/// The state the serving host serves, swapped whole: <see cref="ApplyAsync"/> loads new versions first, switches
/// atomically and unloads versions no longer wanted once their in-flight requests finish; versions kept from one state
/// to the next (same endpoint, version and file) are not reloaded, so moving traffic weights costs nothing.
/// </summary>
public interface IServingState
{
    ServingSnapshot Current { get; }

    /// <summary>The state before the last change, which <see cref="RollbackAsync"/> returns to; <c>null</c> before any change.</summary>
    DesiredServingState? Previous { get; }

    /// <summary>The state configured at start has been applied.</summary>
    bool IsReady { get; }

    /// <summary>Serves <paramref name="desired"/>; on a load failure nothing changes and the error is thrown.</summary>
    /// <exception cref="InvalidDesiredStateException">The state is malformed (names, weights, paths).</exception>
    Task ApplyAsync(DesiredServingState desired, CancellationToken cancellationToken);

    /// <summary>Returns to <see cref="Previous"/> (which becomes the state rolled back from); <c>false</c> when there is none.</summary>
    Task<bool> RollbackAsync(CancellationToken cancellationToken);
}
