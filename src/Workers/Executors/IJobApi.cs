namespace Platform.Workers.Executors;

/// <summary>What an executor reads from and writes to the Api for its job, with the attempt's job token.</summary>
public interface IJobApi
{
    /// <summary>One part (train, validation, test) of a dataset version's split, as CSV.</summary>
    /// <exception cref="JobInputException">The dataset version does not exist.</exception>
    Task<Stream> OpenDatasetPartAsync(string dataset, int version, string split, CancellationToken cancellationToken);

    /// <summary>An artefact of the job's run.</summary>
    /// <exception cref="JobInputException">The run has no such artefact.</exception>
    Task<byte[]> ReadArtifactAsync(string path, CancellationToken cancellationToken);

    /// <summary>Stores an artefact in the job's run (replacing what the path held).</summary>
    Task WriteArtifactAsync(string path, byte[] content, CancellationToken cancellationToken);
}
