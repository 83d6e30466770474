using Platform.Application.Common.Exceptions;
using Platform.Application.Experiments.Commands.CreateExperiment;
using Platform.Application.Registry;
using Platform.Application.Registry.Commands.CreateModel;
using Platform.Application.Runs.Commands.CreateRun;
using Platform.Application.Search.Queries.SearchPlatform;
using Platform.Application.Tests.Support;
using Platform.Domain.Identity;

namespace Platform.Application.Tests.Search;

/// <summary>The portal's global search: names that contain the text, by kind, the exact name first.</summary>
public sealed class SearchPlatformTests(ApplicationFixture app) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task Finds_experiments_runs_and_models_by_part_of_their_name_the_exact_one_first()
    {
        var word = "srch" + Guid.NewGuid().ToString("N")[..6];
        var longer = await app.SendAsync(new CreateExperimentCommand(word + "-churn", null));
        var exact = await app.SendAsync(new CreateExperimentCommand(word, null));
        await app.SendAsync(new CreateExperimentCommand("unrelated-" + Guid.NewGuid().ToString("N")[..6], null));
        var run = await app.SendAsync(new CreateRunCommand(longer.Id, "baseline " + word, null, null, null));
        await app.SendAsync(new CreateModelCommand(word + "-model", null));

        var found = await app.SendAsync(new SearchPlatformQuery(word, null), Role.Viewer);

        Assert.Equal([exact.Id, longer.Id], found.Experiments.Select(e => e.Id));
        var hit = Assert.Single(found.Runs);
        Assert.Equal((run.Id, word + "-churn"), (hit.Id, hit.Context));
        Assert.Equal(word + "-model", Assert.Single(found.Models).Name);
        Assert.Empty(found.Deployments);
    }

    [Fact]
    public async Task The_limit_caps_each_kind()
    {
        var word = "cap" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++)
        {
            await app.SendAsync(new CreateExperimentCommand($"{word}-{i}", null));
        }

        var found = await app.SendAsync(new SearchPlatformQuery(word, 2), Role.Viewer);

        Assert.Equal([$"{word}-0", $"{word}-1"], found.Experiments.Select(e => e.Name));
    }

    [Theory]
    [InlineData("  ", null, "Text")]
    [InlineData("churn", 21, "Limit")]
    [InlineData("churn", 0, "Limit")]
    public async Task Blank_text_or_a_limit_out_of_range_is_refused_naming_the_field(string text, int? limit, string field)
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => app.SendAsync(new SearchPlatformQuery(text, limit), Role.Viewer));

        Assert.Contains(field, error.Errors.Keys, StringComparer.OrdinalIgnoreCase);
    }
}
