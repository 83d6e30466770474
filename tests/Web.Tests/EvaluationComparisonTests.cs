using System.Text.Json;
using Bunit;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests;

public sealed class EvaluationComparisonTests : PortalTestContext
{
    private static readonly JsonElement Candidate = Json("""{"accuracy": 0.95, "logLoss": 0.20, "rocAuc": 0.97, "f1": 0.9, "rows": 100, "confusionMatrix": [[1,2],[3,4]]}""");
    private static readonly JsonElement Production = Json("""{"accuracy": 0.93, "logLoss": 0.15, "rocAuc": 0.97, "rows": 100, "precision": 0.8}""");

    [Fact]
    public void Each_metric_shows_the_difference_and_whether_the_candidate_is_better_lower_being_better_for_losses()
    {
        var rows = MetricDeltas.Compare(Candidate, Production).ToDictionary(r => r.Metric);

        Assert.Equal(Verdict.Better, rows["accuracy"].Verdict);
        Assert.Equal(0.02, rows["accuracy"].Delta!.Value, 10);
        Assert.Equal(Verdict.Worse, rows["logLoss"].Verdict);      // 0.20 > 0.15, and lower is better
        Assert.Equal(0.05, rows["logLoss"].Delta!.Value, 10);
        Assert.Equal(Verdict.Same, rows["rocAuc"].Verdict);
        Assert.Equal(Verdict.Unknown, rows["f1"].Verdict);         // only the candidate has it
        Assert.Null(rows["precision"].Candidate);
        Assert.False(rows.ContainsKey("confusionMatrix"), "only numbers are compared");
    }

    [Fact]
    public void The_table_marks_better_and_worse_rows_with_signed_differences()
    {
        var table = Render<EvaluationComparison>(p => p
            .Add(x => x.Rows, MetricDeltas.Compare(Candidate, Production))
            .Add(x => x.CandidateLabel, "v2")
            .Add(x => x.ProductionLabel, "v1 (Production)"));

        var accuracy = table.Find("[data-metric=accuracy]");
        Assert.Equal("Better", accuracy.GetAttribute("data-verdict"));
        Assert.Contains("+0.02", accuracy.TextContent);
        Assert.Contains("▲ better", accuracy.TextContent);
        var loss = table.Find("[data-metric=logLoss]");
        Assert.Contains("(lower is better)", loss.TextContent);
        Assert.Contains("+0.05", loss.TextContent);
        Assert.Contains("▼ worse", loss.TextContent);
        Assert.Contains("not in both", table.Find("[data-metric=precision]").TextContent);
        Assert.Contains("v1 (Production)", table.Find("thead").TextContent);
    }

    [Theory]
    [InlineData("validation.logLoss", true)]
    [InlineData("rmse", true)]
    [InlineData("latencyP95Ms", true)]
    [InlineData("rocAuc", false)]
    [InlineData("logLossReduction", false)]
    [InlineData("r2", false)]
    public void Losses_errors_and_latencies_are_better_smaller(string metric, bool smaller) => Assert.Equal(smaller, MetricDeltas.SmallerIsBetter(metric));

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
