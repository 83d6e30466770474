using Platform.Application.Common.Exceptions;
using Platform.Domain.Experiments;

namespace Platform.Infrastructure.Tests.Persistence;

public sealed class UniqueViolationTests(SqliteFile database) : IClassFixture<SqliteFile>
{
    [Fact]
    public async Task A_lost_race_on_a_unique_name_is_a_conflict_not_a_crash()
    {
        await using (var first = database.NewContext())
        {
            first.Experiments.Add(Experiment.Create("same", null, "a", DateTimeOffset.UtcNow));
            await first.SaveChangesAsync();
        }

        await using var second = database.NewContext();
        second.Experiments.Add(Experiment.Create("same", null, "b", DateTimeOffset.UtcNow));
        var error = await Assert.ThrowsAsync<ConflictException>(() => second.SaveChangesAsync());
        Assert.Equal("duplicate", error.Code);
    }
}
