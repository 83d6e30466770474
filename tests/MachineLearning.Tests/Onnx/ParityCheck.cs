using Platform.MachineLearning.Evaluation;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Training;

namespace Platform.MachineLearning.Tests.Onnx;

/// <summary>Runs ML.NET and the exported ONNX model on the same rows and finds the largest difference.</summary>
public static class ParityCheck
{
    /// <summary>The largest absolute difference of probabilities (classification) or scores (regression), and its row.</summary>
    public static (double Difference, int Row) MaxDifference(TrainedModel model, float[][] rows)
    {
        var expected = model.PredictWithMlNet(rows);
        using var runner = new OnnxModelRunner(OnnxModelExporter.Export(model));
        var actual = runner.Run(rows);
        var worst = (Difference: 0.0, Row: -1);
        for (var r = 0; r < rows.Length; r++)
        {
            var onnx = actual.Scores is { } scores ? [scores[r]] : actual.Probabilities![r];
            Assert.Equal(expected[r].Length, onnx.Length);
            for (var k = 0; k < onnx.Length; k++)
            {
                var difference = Math.Abs(expected[r][k] - onnx[k]);
                if (difference > worst.Difference || double.IsNaN(difference))
                {
                    worst = (double.IsNaN(difference) ? double.PositiveInfinity : difference, r);
                }
            }
        }

        return worst;
    }
}
