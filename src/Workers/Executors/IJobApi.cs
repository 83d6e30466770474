namespace Platform.Workers.Executors;

/// <summary>What an executor reads from and writes to the Api for its job, with the attempt's job token.</summary>
public interface IJobApi
{
    /// <summary>The Api's address, for a program the job runs.</summary>
    Uri ApiAddress { get; }

    /// <summary>The attempt's token, for a program the job runs: valid while the attempt holds the job.</summary>
    string Token { get; }

    /// <summary>The paths of the job's run's artefacts under <paramref name="prefix"/>.</summary>
    Task<IReadOnlyList<string>> ListArtifactsAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>A dataset version's record (schema, statistics, split) as the Api returns it.</summary>
    /// <exception cref="JobInputException">The dataset version does not exist.</exception>
    Task<System.Text.Json.Nodes.JsonNode> ReadDatasetVersionAsync(string dataset, int version, CancellationToken cancellationToken);

    /// <summary>One part (train, validation, test) of a dataset version's split, as CSV.</summary>
    /// <exception cref="JobInputException">The dataset version does not exist.</exception>
    Task<Stream> OpenDatasetPartAsync(string dataset, int version, string split, CancellationToken cancellationToken);

    /// <summary>A dataset version's file as it was uploaded (CSV or Parquet).</summary>
    /// <exception cref="JobInputException">The dataset version does not exist.</exception>
    Task<Stream> OpenDatasetContentAsync(string dataset, int version, CancellationToken cancellationToken);

    /// <summary>A registered model version's ONNX file.</summary>
    /// <exception cref="JobInputException">The model version does not exist.</exception>
    Task<byte[]> ReadModelVersionAsync(string model, int version, CancellationToken cancellationToken);

    /// <summary>An artefact of the job's run.</summary>
    /// <exception cref="JobInputException">The run has no such artefact.</exception>
    Task<byte[]> ReadArtifactAsync(string path, CancellationToken cancellationToken);

    /// <summary>Stores an artefact in the job's run (replacing what the path held).</summary>
    Task WriteArtifactAsync(string path, byte[] content, CancellationToken cancellationToken);
}
