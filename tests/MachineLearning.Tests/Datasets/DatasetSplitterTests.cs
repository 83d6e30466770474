using Platform.MachineLearning.Datasets;

namespace Platform.MachineLearning.Tests.Datasets;

public sealed class DatasetSplitterTests
{
    private static readonly SplitFractions SeventyFifteenFifteen = new(0.7, 0.15, 0.15);

    [Fact]
    public void Cuts_the_rows_by_the_fractions_into_disjoint_parts_that_cover_every_row()
    {
        var split = DatasetSplitter.ByFractions(101, SeventyFifteenFifteen, seed: 1);

        Assert.Equal((71, 15, 15), (split.Train.Count, split.Validation.Count, split.Test.Count));
        Assert.Equal(Enumerable.Range(0, 101), split.Train.Concat(split.Validation).Concat(split.Test).Order());
    }

    [Fact]
    public void Gives_the_same_split_for_the_same_seed()
    {
        var first = DatasetSplitter.ByFractions(500, SeventyFifteenFifteen, seed: 42);
        var second = DatasetSplitter.ByFractions(500, SeventyFifteenFifteen, seed: 42);

        Assert.Equal(first.Test, second.Test);
        Assert.Equal(first.Validation, second.Validation);
    }

    [Fact]
    public void Gives_a_different_split_for_a_different_seed()
    {
        var first = DatasetSplitter.ByFractions(500, SeventyFifteenFifteen, seed: 1);
        var second = DatasetSplitter.ByFractions(500, SeventyFifteenFifteen, seed: 2);

        Assert.NotEqual(first.Test, second.Test);
    }

    [Fact]
    public void Shuffles_rows_rather_than_taking_them_in_file_order()
    {
        var split = DatasetSplitter.ByFractions(1000, SeventyFifteenFifteen, seed: 5);

        Assert.True(split.Test.Max() > 900 && split.Test.Min() < 100, "the test rows should spread over the whole file");
    }

    [Fact]
    public void Splits_by_a_column_naming_each_rows_part()
    {
        var dataset = new Dataset(["x", "part"], [["1", "train"], ["2", "TEST"], ["3", "validation"], ["4", "train"]]);

        var split = DatasetSplitter.ByColumn(dataset, "part");

        Assert.Equal([0, 3], split.Train);
        Assert.Equal([2], split.Validation);
        Assert.Equal([1], split.Test);
    }

    [Fact]
    public void Rejects_an_unknown_part_name_naming_row_and_column()
    {
        var dataset = new Dataset(["x", "part"], [["1", "train"], ["2", "holdout"]]);

        var error = Assert.Throws<DatasetFormatException>(() => DatasetSplitter.ByColumn(dataset, "part"));

        Assert.Equal(3, error.Row);
        Assert.Equal("part", error.Column);
        Assert.Contains("'holdout'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.7, 0.2, 0.2)]
    [InlineData(0, 0.5, 0.5)]
    [InlineData(1.1, -0.1, 0)]
    public void Rejects_fractions_that_are_out_of_range_or_do_not_add_up_to_one(double train, double validation, double test)
    {
        Assert.Throws<ArgumentException>(() => new SplitFractions(train, validation, test));
    }
}
