using System.Globalization;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Federated;
using Platform.MachineLearning.Federated.Training;

namespace Platform.Infrastructure.Federated;

/// <summary>
/// A federation's model shape from its sites' dataset summaries alone: the numeric columns every site has (in the first
/// site's order, the label left out), the label's values across the sites as classes (in numeric order when they are
/// all numbers), and the min-max normalisation and imputation merged from the sites' per-column min, max, mean and counts.
/// </summary>
internal static class FederatedShapes
{
    public static FederatedModelShape From(IReadOnlyList<SiteDataset> datasets, string labelColumn)
    {
        var first = datasets[0];
        var features = first.Columns.Where(c => c.Kind == SiteColumnKind.Number && c.Name != labelColumn)
            .Select(c => c.Name).Where(name => datasets.All(d => d.Column(name) is { Kind: SiteColumnKind.Number })).ToList();
        if (features.Count == 0)
        {
            throw new FederatedModelException("no numeric column other than the label is common to every site");
        }

        var values = datasets.SelectMany(d => d.Column(labelColumn)?.Values ?? []).Distinct().ToList();
        var classes = values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            ? [.. values.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture))]
            : values.Order(StringComparer.Ordinal).ToList();
        if (classes.Count < 2)
        {
            throw new FederatedModelException($"the label column '{labelColumn}' holds {classes.Count} distinct value(s) across the sites; a classifier needs at least 2");
        }

        var perSite = datasets.Select(d => (IReadOnlyList<ColumnSummary>)[.. features.Select(f => Summary(d, d.Column(f)!))]).ToList();
        var scaling = FeatureScaling.Merge(perSite);
        return new FederatedModelShape(features, classes, scaling.ImputationMeans, scaling.Offset, scaling.Scale);
    }

    private static ColumnSummary Summary(SiteDataset dataset, SiteColumnSummary column) =>
        new(dataset.Rows, column.Missing, column.Min ?? 0, column.Max ?? 0, column.Mean ?? 0);
}
