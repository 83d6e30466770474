using Platform.Domain.Common;
using Platform.Domain.Runs;

namespace Platform.Domain.Tests.Runs;

public sealed class RunTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_param_set_again_to_the_same_value_is_accepted()
    {
        var run = Run.Start(Guid.NewGuid(), "r", "alice", Start);
        run.LogParams([new("lr", "0.1")]);
        run.LogParams([new("lr", "0.1")]);
        Assert.Equal("0.1", Assert.Single(run.Params).Value);
    }

    [Fact]
    public void A_param_set_again_to_another_value_is_a_conflict_naming_the_key()
    {
        var run = Run.Start(Guid.NewGuid(), "r", "alice", Start);
        run.LogParams([new("lr", "0.1")]);
        var error = Assert.Throws<DomainException>(() => run.LogParams([new("depth", "3"), new("lr", "0.2")]));
        Assert.Equal("run.param-conflict", error.Code);
        Assert.Contains("'lr'", error.Message);
    }

    [Fact]
    public void Ending_a_run_records_the_end_time_and_an_ended_run_cannot_restart()
    {
        var run = Run.Start(Guid.NewGuid(), null, "alice", Start);
        run.ChangeStatus(RunStatus.Finished, null, Start.AddMinutes(5));
        Assert.Equal(Start.AddMinutes(5), run.EndTime);
        var error = Assert.Throws<DomainException>(() => run.ChangeStatus(RunStatus.Running, null, Start.AddMinutes(6)));
        Assert.Equal("run.already-ended", error.Code);
    }

    [Fact]
    public void An_end_time_before_the_start_is_refused()
    {
        var run = Run.Start(Guid.NewGuid(), null, "alice", Start);
        Assert.Throws<DomainException>(() => run.ChangeStatus(RunStatus.Failed, Start.AddSeconds(-1), Start));
    }

    [Fact]
    public void Times_are_stored_in_utc_whatever_offset_the_client_sent()
    {
        var run = Run.Start(Guid.NewGuid(), null, "alice", new DateTimeOffset(2026, 1, 1, 14, 0, 0, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.Zero, run.StartTime.Offset);
        Assert.Equal(Start, run.StartTime);
    }

    [Fact]
    public void A_run_without_a_name_gets_one_from_its_id()
    {
        var run = Run.Start(Guid.NewGuid(), "  ", "alice", Start);
        Assert.StartsWith("run-", run.Name);
        Assert.EndsWith(run.Id.ToString("N")[^8..], run.Name);
    }
}
