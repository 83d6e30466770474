namespace Platform.Application.Common.Interfaces;

/// <summary>
/// Bus messages that leave only if the current unit of work commits: they are written to the outbox table with
/// the change and sent by the dispatcher afterwards.
/// </summary>
public interface IOutbox
{
    /// <summary>Sends <paramref name="message"/> to the queue named <paramref name="queue"/>.</summary>
    void Send<T>(string queue, T message)
        where T : class;

    /// <summary>Publishes <paramref name="message"/> to every subscriber.</summary>
    void Publish<T>(T message)
        where T : class;
}
