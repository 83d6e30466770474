using Microsoft.ML;
using Microsoft.ML.Data;

namespace Platform.MachineLearning.Training.Trainers;

/// <summary>
/// Builds ML.NET data views from feature tables: a fixed-size <c>Features</c> vector and a <c>Label</c>
/// that is a boolean (binary), a key typed with the full class count (multiclass, so the score slots
/// match the class list even when a class is absent from a split) or a float (regression). Note that
/// ML.NET reads a key field of an in-memory row as 0-based (it adds the 1 itself), so the class
/// index goes in as it is.
/// </summary>
internal static class DataViewBuilder
{
    public const string Features = "Features";
    public const string Label = "Label";

    public static IDataView Labelled(MLContext ml, FeatureTable table, TrainingTask task) => task switch
    {
        TrainingTask.BinaryClassification => Load(ml, table, label => label == 1, null),
        TrainingTask.MulticlassClassification => Load(ml, table, label => (uint)label, new KeyDataViewType(typeof(uint), table.Classes.Count)),
        _ => Load(ml, table, label => label, null),
    };

    public static IDataView Unlabelled(MLContext ml, float[][] rows, int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return ml.Data.LoadFromEnumerable(rows.Select(row => new FeatureRow { Features = row }), schema);
    }

    private static IDataView Load<TLabel>(MLContext ml, FeatureTable table, Func<float, TLabel> label, DataViewType? labelType)
    {
        var schema = SchemaDefinition.Create(typeof(LabelledRow<TLabel>));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, table.FeatureNames.Count);
        if (labelType is not null)
        {
            schema[Label].ColumnType = labelType;
        }

        var rows = table.Rows.Select((row, i) => new LabelledRow<TLabel> { Features = row, Label = label(table.Labels[i]) });
        return ml.Data.LoadFromEnumerable(rows.ToList(), schema);
    }

    /// <summary>A row for prediction.</summary>
    public sealed class FeatureRow
    {
        public float[] Features { get; set; } = [];
    }

    /// <summary>A row for training.</summary>
    public sealed class LabelledRow<TLabel>
    {
        public float[] Features { get; set; } = [];

        public TLabel Label { get; set; } = default!;
    }
}
