using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Training;

namespace Platform.MachineLearning.Tests.Training;

public sealed class FeatureTableBuilderTests
{
    private static readonly Dataset Data = new(
        ["a", "b", "label"],
        [["1", null, "10"], ["2.5", "3", "2"], ["-1", "4", "10"]]);

    [Fact]
    public void Reads_missing_features_as_nan_and_maps_labels_to_numerically_ordered_classes()
    {
        var table = FeatureTableBuilder.Build(Data, "label", TrainingTask.BinaryClassification);

        Assert.Equal(["a", "b"], table.FeatureNames);
        Assert.Equal(["2", "10"], table.Classes);
        Assert.Equal([1f, 0f, 1f], table.Labels);
        Assert.True(float.IsNaN(table.Rows[0][1]));
        Assert.Equal(2.5f, table.Rows[1][0]);
    }

    [Fact]
    public void Takes_features_in_the_order_asked_for()
    {
        var table = FeatureTableBuilder.Build(Data, "label", TrainingTask.Regression, ["b", "a"]);

        Assert.Equal([3f, 2.5f], table.Rows[1]);
        Assert.Equal([10f, 2f, 10f], table.Labels);
        Assert.Empty(table.Classes);
    }

    [Fact]
    public void Keeps_a_column_of_words_as_a_categorical_feature_with_its_raw_values()
    {
        var data = new Dataset(["a", "colour", "label"], [["1", "red", "x"], ["2", null, "y"], ["3", "blue", "x"]]);

        var table = FeatureTableBuilder.Build(data, "label", TrainingTask.BinaryClassification);

        Assert.Equal(["a"], table.FeatureNames);
        Assert.Equal(["colour"], table.CategoricalNames);
        Assert.Equal([["red"], [null], ["blue"]], table.Categories);
        Assert.Equal([["blue"]], table.SelectRows([2]).Categories);
    }

    [Fact]
    public void Reads_a_cell_that_is_not_a_number_in_a_numeric_feature_as_missing()
    {
        var rows = Enumerable.Range(0, 30).Select(i => new string?[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), i % 2 == 0 ? "x" : "y" }).ToArray();
        rows[7][0] = "13.2x";

        var table = FeatureTableBuilder.Build(new Dataset(["a", "label"], rows), "label", TrainingTask.BinaryClassification);

        Assert.True(float.IsNaN(table.Rows[7][0]), $"row 7 is {table.Rows[7][0]}, not missing");
        Assert.Equal(8f, table.Rows[8][0]);
    }

    [Fact]
    public void Names_the_file_s_row_of_a_bad_label_in_a_part_of_the_split()
    {
        var file = new Dataset(["a", "label"], [["1", "10"], ["2", "20"], ["3", null], ["4", "40"]]);
        var part = file.SelectRows([1, 2]);

        var error = Assert.Throws<DatasetFormatException>(() => FeatureTableBuilder.Build(part, "label", TrainingTask.Regression, categoricalColumns: []));

        Assert.Equal((4L, "label"), (error.Row!.Value, error.Column));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_label_outside_the_known_classes_naming_row_and_column()
    {
        var error = Assert.Throws<DatasetFormatException>(
            () => FeatureTableBuilder.Build(Data, "label", TrainingTask.MulticlassClassification, classes: ["10", "20"]));

        Assert.Equal((3L, "label"), (error.Row!.Value, error.Column));
    }

    [Fact]
    public void Rejects_binary_classification_of_a_label_with_three_classes()
    {
        var data = new Dataset(["a", "label"], [["1", "x"], ["2", "y"], ["3", "z"]]);

        var error = Assert.Throws<DatasetFormatException>(() => FeatureTableBuilder.Build(data, "label", TrainingTask.BinaryClassification));

        Assert.Contains("exactly 2 classes", error.Message, StringComparison.Ordinal);
    }
}
