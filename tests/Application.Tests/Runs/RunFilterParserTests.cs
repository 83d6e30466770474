using Platform.Application.Runs.Queries.SearchRuns;

namespace Platform.Application.Tests.Runs;

public sealed class RunFilterParserTests
{
    [Fact]
    public void Parses_mlflow_style_clauses_joined_by_and()
    {
        var clauses = RunFilterParser.ParseFilter("metrics.auc > 0.9 and params.learningRate = '0.1' AND tags.`my team` LIKE 'risk%' and attributes.status != 'Failed'");
        Assert.Equal(
            [
                new FilterClause(FilterEntity.Metric, "auc", FilterOperator.Greater, 0.9, null),
                new FilterClause(FilterEntity.Param, "learningRate", FilterOperator.Equal, null, "0.1"),
                new FilterClause(FilterEntity.Tag, "my team", FilterOperator.Like, null, "risk%"),
                new FilterClause(FilterEntity.Attribute, "status", FilterOperator.NotEqual, null, "Failed"),
            ],
            clauses);
    }

    [Theory]
    [InlineData("metrics.val/loss <= -1e-3", "val/loss", -1e-3)]
    [InlineData("metric.\"f1 score\" >= 0.5", "f1 score", 0.5)]
    public void Reads_keys_with_slashes_and_quoted_keys(string filter, string key, double value)
    {
        var clause = Assert.Single(RunFilterParser.ParseFilter(filter));
        Assert.Equal(key, clause.Key);
        Assert.Equal(value, clause.Number);
    }

    [Theory]
    [InlineData("metrics.auc > 'high'", "numbers")]
    [InlineData("params.lr > '0.1'", "=, !=, LIKE")]
    [InlineData("metrics.auc LIKE 1", "LIKE")]
    [InlineData("metrics.auc >", "number or a quoted string")]
    [InlineData("auc > 1", "not a field")]
    [InlineData("metrics.auc > 1 or metrics.auc < 0", "not a field")]
    [InlineData("metrics.auc > 1 and", "expected a field")]
    [InlineData("params.lr = 'unclosed", "unclosed")]
    [InlineData("attributes.colour = 'red'", "unknown attribute")]
    [InlineData("attributes.status = 'Exploded'", "status")]
    [InlineData("x.y = 1; DROP TABLE Runs", "unexpected character ';'")]
    [InlineData("x.y = 1", "not metrics, params, tags or attributes")]
    [InlineData("attributes.start_time > 253402300800000", "year 9999")]
    [InlineData("attributes.end_time < -62135596800001", "year 1")]
    public void Refuses_bad_filters_saying_where_and_why(string filter, string reason)
    {
        var error = Assert.Throws<RunFilterException>(() => RunFilterParser.ParseFilter(filter));
        Assert.Contains(reason, error.Message);
        Assert.StartsWith("at position", error.Message);
    }

    [Theory]
    [InlineData(null, FilterEntity.Attribute, "start_time", true)]
    [InlineData("metrics.auc", FilterEntity.Metric, "auc", false)]
    [InlineData("metrics.auc DESC", FilterEntity.Metric, "auc", true)]
    [InlineData("metrics.`val loss` asc", FilterEntity.Metric, "val loss", false)]
    [InlineData("attributes.start_time desc", FilterEntity.Attribute, "start_time", true)]
    [InlineData("attributes.name", FilterEntity.Attribute, "name", false)]
    [InlineData("attributes.status DESC", FilterEntity.Attribute, "status", true)]
    public void Parses_orders(string? orderBy, FilterEntity entity, string key, bool descending) =>
        Assert.Equal(new RunOrder(entity, key, descending), RunFilterParser.ParseOrder(orderBy));

    [Theory]
    [InlineData("params.lr desc")]
    [InlineData("metrics.auc sideways")]
    [InlineData("metrics.auc desc, metrics.loss")]
    public void Refuses_orders_it_cannot_serve(string orderBy) =>
        Assert.Throws<RunFilterException>(() => RunFilterParser.ParseOrder(orderBy));
}
