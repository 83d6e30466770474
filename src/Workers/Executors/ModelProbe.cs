using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Platform.Contracts.Messages.Jobs;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Evaluation;

namespace Platform.Workers.Executors;

/// <summary>
/// Loads one model version, checks its inputs against a reference, runs a sample and measures single-row latency: the
/// deploy job's check of one version. Bad models and mismatched inputs are <see cref="JobInputException"/>s that say why.
/// </summary>
internal static class ModelProbe
{
    /// <summary>The inputs the version must match, and whose they are (for the message).</summary>
    public sealed record Reference(string Owner, IReadOnlyList<DeployTensor> Inputs);

    private const int WarmUpRuns = 5;

    public static DeployVersionResult Run(
        byte[] model, DeployVersionInput version, Dataset? sample, Reference? reference, EvaluationOptions options, int runs, CancellationToken cancellationToken)
    {
        InferenceSession session;
        ExecutionProviderReport provider;
        try
        {
            (session, provider) = OnnxSessionFactory.Create(model, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new JobInputException($"Version {version.Version} is not a model ONNX Runtime can load: {e.Message.Split('\n')[0]}");
        }

        using (session)
        {
            var inputs = Inputs(session, version.Version);
            if (reference is not null)
            {
                Compare(version.Version, inputs, reference);
            }

            using var feed = SampleFeed.Create(session, inputs, sample, version);
            var latencies = new double[runs];
            using var runOptions = new RunOptions();
            for (var i = -WarmUpRuns; i < runs; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                feed.Next(i);
                var began = Stopwatch.GetTimestamp();
                try
                {
                    using var outputs = session.Run(runOptions, feed.Names, feed.Values, session.OutputNames);
                }
                catch (OnnxRuntimeException e)
                {
                    throw new JobInputException($"Version {version.Version} fails on a sample input ({feed.Source}): {e.Message.Split('\n')[0]}");
                }

                if (i >= 0)
                {
                    latencies[i] = Stopwatch.GetElapsedTime(began).TotalMicroseconds;
                }
            }

            return new DeployVersionResult(
                version.Version, provider.Requested, provider.Used, provider.FallbackReason, Percentile.Of(latencies, 50), Percentile.Of(latencies, 99),
                runs, feed.Source, inputs);
        }
    }

    public static string Describe(DeployTensor t) => $"{t.Name} {t.ElementType}[{string.Join(",", t.Shape)}]";

    private static List<DeployTensor> Inputs(InferenceSession session, int version)
    {
        var inputs = new List<DeployTensor>();
        foreach (var (name, node) in session.InputMetadata)
        {
            if (node.OnnxValueType != OnnxValueType.ONNX_TYPE_TENSOR)
            {
                throw new JobInputException($"Version {version}'s input '{name}' is a {node.OnnxValueType}; serving takes tensor inputs only.");
            }

            inputs.Add(new DeployTensor(name, node.ElementDataType.ToString(), [.. node.Dimensions.Select(d => (long)d)]));
        }

        return inputs;
    }

    /// <summary>Same input names, element types and, where both are fixed, feature count (the last dimension).</summary>
    private static void Compare(int version, IReadOnlyList<DeployTensor> inputs, Reference reference)
    {
        string Names(IEnumerable<DeployTensor> tensors) => string.Join(", ", tensors.Select(Describe));
        if (!inputs.Select(i => i.Name).Order(StringComparer.Ordinal).SequenceEqual(reference.Inputs.Select(i => i.Name).Order(StringComparer.Ordinal)))
        {
            throw new JobInputException($"Version {version}'s inputs ({Names(inputs)}) are not those of {reference.Owner} ({Names(reference.Inputs)}).");
        }

        foreach (var input in inputs)
        {
            var expected = reference.Inputs.Single(r => r.Name == input.Name);
            if (input.ElementType != expected.ElementType)
            {
                throw new JobInputException($"Version {version} takes input '{input.Name}' as {input.ElementType}; {reference.Owner} takes {expected.ElementType}.");
            }

            var (count, expectedCount) = (input.Shape.Count > 0 ? input.Shape[^1] : 1, expected.Shape.Count > 0 ? expected.Shape[^1] : 1);
            if (input.Shape.Count != expected.Shape.Count || (count > 0 && expectedCount > 0 && count != expectedCount))
            {
                throw new JobInputException(
                    $"Version {version} takes input '{input.Name}' of shape [{string.Join(",", input.Shape)}] ({count} features); {reference.Owner} takes [{string.Join(",", expected.Shape)}] ({expectedCount} features).");
            }
        }
    }
}
