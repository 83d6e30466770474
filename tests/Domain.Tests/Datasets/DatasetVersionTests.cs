using Platform.Domain.Common;
using Platform.Domain.Datasets;

namespace Platform.Domain.Tests.Datasets;

public sealed class DatasetVersionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_received_version_is_profiling_until_profiled_and_then_ready_with_what_was_found()
    {
        var version = DatasetVersion.Receive("churn", 1, "csv", new string('a', 64), 1234, "{\"requested\":{}}", "alice", Now);

        Assert.Equal(DatasetVersionStatus.Profiling, version.Status);
        Assert.Equal(0, version.RowCount);
        Assert.NotNull(DatasetVersion.NotUsable(version.Name, version.Version, version.Status, version.Problem));

        version.Profiled(10, 3, "{\"columns\":[]}", "{\"definition\":{}}");

        Assert.Equal(DatasetVersionStatus.Ready, version.Status);
        Assert.Equal((10, 3), (version.RowCount, version.ColumnCount));
        Assert.Equal("{\"definition\":{}}", version.SplitJson);
        Assert.Null(DatasetVersion.NotUsable(version.Name, version.Version, version.Status, version.Problem));
        Assert.Equal("dataset.profiled", Assert.Throws<DomainException>(() => version.Profiled(1, 1, "{}", "{}")).Code);
        Assert.Equal("dataset.profiled", Assert.Throws<DomainException>(() => version.ProfilingFailed("late")).Code);
    }

    [Fact]
    public void A_version_that_fails_keeps_the_reason_and_is_refused_for_use_with_it()
    {
        var version = DatasetVersion.Receive("churn", 2, "csv", new string('b', 64), 99, "{}", "alice", Now);

        version.ProfilingFailed("content: Row 3 has 1 field where the header has 2 (column 'b')");

        Assert.Equal(DatasetVersionStatus.Failed, version.Status);
        var refusal = DatasetVersion.NotUsable(version.Name, version.Version, version.Status, version.Problem)!;
        Assert.Contains("churn v2 could not be read", refusal, StringComparison.Ordinal);
        Assert.Contains("Row 3", refusal, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => version.Profiled(1, 1, "{}", "{}"));
    }

    [Fact]
    public void A_profile_of_no_rows_is_refused()
    {
        var version = DatasetVersion.Receive("churn", 1, "csv", new string('c', 64), 5, "{}", "alice", Now);

        Assert.Equal("dataset.empty", Assert.Throws<DomainException>(() => version.Profiled(0, 2, "{}", "{}")).Code);
        Assert.Equal(DatasetVersionStatus.Profiling, version.Status);
    }
}
