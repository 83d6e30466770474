using Platform.Workers.Executors;
using Platform.Workers.Scripts;

namespace Platform.Host.Tests.Workers;

public sealed class ScriptOutputTests
{
    [Fact]
    public void Metric_and_progress_lines_become_events_and_other_lines_stay_log_lines()
    {
        var reporter = new RecordingReporter();

        foreach (var line in new[] { "epoch 1", "::metric name=loss step=3 value=0.125", "::progress 42.5 epoch 2 of 4", "::metric value=nan name=val/auc" })
        {
            ScriptOutput.Report(line, reporter);
        }

        Assert.Equal(["epoch 1"], reporter.Lines);
        Assert.Equal(("loss", 0.125, 3L), reporter.Metrics[0]);
        Assert.Equal("val/auc", reporter.Metrics[1].Key);
        Assert.True(double.IsNaN(reporter.Metrics[1].Value));
        Assert.Equal(0L, reporter.Metrics[1].Step);
        Assert.Equal((42.5, "epoch 2 of 4"), reporter.Progresses.Single());
    }

    [Theory]
    [InlineData("::metric name=loss", "value=")]
    [InlineData("::metric name=loss value=abc", "value=")]
    [InlineData("::metric value=1", "name=")]
    [InlineData("::metric name=loss value=1 step=1.5", "step '1.5'")]
    [InlineData("::metric loss 1", "'loss' is not name=value")]
    [InlineData("::progress 140", "'140' is not a percentage")]
    [InlineData("::progres 40", "unknown command 'progres'")]
    public void A_command_that_does_not_parse_is_kept_as_a_log_line_with_the_reason(string line, string reason)
    {
        var reporter = new RecordingReporter();

        ScriptOutput.Report(line, reporter);

        var logged = Assert.Single(reporter.Lines);
        Assert.StartsWith(line, logged, StringComparison.Ordinal);
        Assert.Contains(reason, logged, StringComparison.Ordinal);
        Assert.Empty(reporter.Metrics);
        Assert.Empty(reporter.Progresses);
    }

    private sealed class RecordingReporter : IJobReporter
    {
        public List<string> Lines { get; } = [];
        public List<(string Key, double Value, long Step)> Metrics { get; } = [];
        public List<(double Percent, string? Message)> Progresses { get; } = [];

        public void Progress(double percent, string? phase = null, string? message = null) => Progresses.Add((percent, message));

        public void Log(string line) => Lines.Add(line);

        public void Metric(string key, double value, long step) => Metrics.Add((key, value, step));
    }
}
