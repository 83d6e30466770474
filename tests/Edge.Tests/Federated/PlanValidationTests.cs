using System.Net.Http.Json;

namespace Platform.Edge.Tests.Federated;

/// <summary>A federation's plan is checked before anything starts: each bad part is a 400 naming its field in the request's words.</summary>
public sealed class PlanValidationTests : IAsyncLifetime
{
    private readonly FederatedPlatform _platform = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task Bad_plans_are_refused_naming_the_field_and_an_unknown_experiment_is_a_404()
    {
        using var admin = await _platform.AdminAsync();
        var experiment = (await (await admin.PostAsJsonAsync("/api/v1/experiments", new { name = $"plans-{Guid.NewGuid():N}" })).ExpectAsync()).GetProperty("id").GetGuid();

        await RefusedAsync(admin, experiment, new { dataset = "d", labelColumn = "y", strategy = new { kind = "Krum" }, secureAggregation = true }, "plan.strategy.kind", "secure aggregation hides");
        await RefusedAsync(admin, experiment, new { dataset = "d", labelColumn = "y", sampling = new { minSites = 3 }, quorum = 5 }, "plan.quorum", "minimum of sites (3)");
        await RefusedAsync(admin, experiment, new { dataset = "d", labelColumn = "y", rounds = 0, model = new { kind = "Mlp", hidden = 0 } }, "plan.rounds", "1 to 1000");
        await RefusedAsync(admin, experiment, new { dataset = "d", labelColumn = "y", privacy = new { clipNorm = -1, delta = 2 } }, "plan.privacy.delta", "under 1");
        await RefusedAsync(admin, experiment, new { dataset = "d", labelColumn = "y", compression = new { topK = 10 }, secureAggregation = true, quorum = 3, sampling = new { minSites = 3 } }, "plan.compression.topK", "masks cover every weight");
        await RefusedAsync(admin, experiment, new { dataset = "d", labelColumn = "y", evaluation = new { dataset = "nowhere", version = 1 } }, "plan.evaluation", "has no version 1");
        await RefusedAsync(admin, experiment, new { dataset = "../etc", labelColumn = "y" }, "plan.dataset", "letters, digits");
        var unknown = await admin.PostAsJsonAsync("/api/v1/federations", new { experimentId = Guid.NewGuid(), name = "f", plan = new { dataset = "d", labelColumn = "y" } });
        await unknown.ExpectAsync(404);
    }

    private static async Task RefusedAsync(HttpClient admin, Guid experiment, object plan, string field, string reason)
    {
        var problem = await (await admin.PostAsJsonAsync("/api/v1/federations", new { experimentId = experiment, name = "bad", plan })).ExpectAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        Assert.Contains(reason, messages.ToString(), StringComparison.Ordinal);
    }
}
