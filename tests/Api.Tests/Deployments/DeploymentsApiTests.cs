using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Deployments.DeploymentsApiFactory;

namespace Platform.Api.Tests.Deployments;

/// <summary>Desired state through the Api: deploy jobs, activation, failure, weights-only changes, rollback, the approval rule.</summary>
public sealed class DeploymentsApiTests(DeploymentsApiFactory factory) : IClassFixture<DeploymentsApiFactory>
{
    [Fact]
    public async Task A_first_deployment_is_202_with_a_deploy_job_on_its_hardware_and_a_validating_revision()
    {
        var model = NewName("m");
        var version = await factory.VersionAsync(model);
        var name = NewName("churn");

        using var response = await (await factory.OperatorAsync()).PutJsonAsync($"/api/v1/deployments/{name}", Body(model, new { version, weight = 100 }));
        var change = await response.ExpectAsync(202);

        var job = change["job"]!;
        Assert.Equal($"/api/v1/jobs/{job["id"]}", response.Headers.Location?.ToString());
        Assert.Equal(("Deploy", "Cpu", "Queued"), (job["kind"]!.GetValue<string>(), job["hardwareClass"]!.GetValue<string>(), job["state"]!.GetValue<string>()));
        var deployment = await (await (await factory.OperatorAsync()).GetAsync($"/api/v1/deployments/{name}")).ExpectAsync(200);
        Assert.Null(deployment["active"]);
        Assert.Equal(("Validating", 1), (deployment["pending"]!["state"]!.GetValue<string>(), deployment["pending"]!["number"]!.GetValue<int>()));
        Assert.Equal(job["id"]!.GetValue<string>(), deployment["pending"]!["deployJobId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_succeeded_deploy_job_activates_the_revision_with_its_figures_and_a_weights_only_change_is_active_at_once()
    {
        var model = NewName("m");
        var (v1, v2) = (await factory.VersionAsync(model), await factory.VersionAsync(model));
        var name = NewName("blue-green");
        var change = await factory.PutAsync(name, Body(model, new { version = v1, weight = 50 }, new { version = v2, weight = 50 }), 202);

        await factory.EndDeployJobAsync(change, "Succeeded", """{"versions":[{"version":1,"p50Microseconds":12.5}]}""");
        var operatorClient = await factory.OperatorAsync();
        var active = (await (await operatorClient.GetAsync($"/api/v1/deployments/{name}")).ExpectAsync(200))["active"]!;
        Assert.Equal(12.5, active["validation"]!["versions"]![0]!["p50Microseconds"]!.GetValue<double>());

        var weights = await factory.PutAsync(name, Body(model, new { version = v1, weight = 0 }, new { version = v2, weight = 100 }), 200);

        Assert.Null(weights["job"]);
        Assert.Equal((2, "Active", 1), (weights["deployment"]!["active"]!["number"]!.GetValue<int>(), weights["deployment"]!["active"]!["state"]!.GetValue<string>(),
            weights["deployment"]!["active"]!["previousRevision"]!.GetValue<int>()));
        var revisions = (await (await operatorClient.GetAsync($"/api/v1/deployments/{name}/revisions?limit=1")).ExpectAsync(200));
        Assert.Equal(2, revisions["items"]![0]!["number"]!.GetValue<int>());
        var older = await (await operatorClient.GetAsync($"/api/v1/deployments/{name}/revisions?cursor={revisions["nextCursor"]}")).ExpectAsync(200);
        Assert.Equal(("Superseded", 1), (older["items"]![0]!["state"]!.GetValue<string>(), older["items"]![0]!["number"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_failed_deploy_job_fails_the_revision_and_the_traffic_stays_on_the_active_one()
    {
        var model = NewName("m");
        var (v1, v2) = (await factory.VersionAsync(model), await factory.VersionAsync(model));
        var name = NewName("stays");
        await factory.DeployActiveAsync(name, model, new { version = v1, weight = 100 });
        var change = await factory.PutAsync(name, Body(model, new { version = v1, weight = 90 }, new { version = v2, weight = 10, canary = true }), 202);

        await factory.EndDeployJobAsync(change, "Failed", reason: "Version 2 takes input 'x' as Double; the active version takes Float.");

        var deployment = await (await (await factory.OperatorAsync()).GetAsync($"/api/v1/deployments/{name}")).ExpectAsync(200);
        Assert.Equal(1, deployment["active"]!["number"]!.GetValue<int>());
        Assert.Null(deployment["pending"]);
        var failed = (await (await (await factory.OperatorAsync()).GetAsync($"/api/v1/deployments/{name}/revisions")).ExpectAsync(200))["items"]![0]!;
        Assert.Equal("Failed", failed["state"]!.GetValue<string>());
        Assert.Contains("takes input 'x' as Double", failed["failureReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_queued_deploy_job_fails_the_revision_and_frees_the_deployment_for_the_next_change()
    {
        var model = NewName("m");
        var v1 = await factory.VersionAsync(model);
        var name = NewName("cancelled");
        var change = await factory.PutAsync(name, Body(model, new { version = v1, weight = 100 }), 202);
        await factory.PutAsync(name, Body(model, new { version = v1, weight = 50 }), 409);

        await (await (await factory.OperatorAsync()).PostAsync($"/api/v1/jobs/{change["job"]!["id"]}/cancel", null)).ExpectAsync(200);

        var revisions = await (await (await factory.OperatorAsync()).GetAsync($"/api/v1/deployments/{name}/revisions")).ExpectAsync(200);
        Assert.Equal("Failed", revisions["items"]![0]!["state"]!.GetValue<string>());
        Assert.Contains("ended Cancelled", revisions["items"]![0]!["failureReason"]!.GetValue<string>(), StringComparison.Ordinal);
        await factory.PutAsync(name, Body(model, new { version = v1, weight = 50 }), 202);
    }

    [Fact]
    public async Task A_rollback_goes_one_step_back_as_a_new_revision_marked_as_a_rollback()
    {
        var model = NewName("m");
        var v1 = await factory.VersionAsync(model);
        var name = NewName("undo");
        await factory.DeployActiveAsync(name, model, new { version = v1, weight = 100 });
        await factory.PutAsync(name, Body(model, new { version = v1, weight = 7 }), 200);

        var rolledBack = await (await (await factory.OperatorAsync()).PostJsonAsync($"/api/v1/deployments/{name}/rollback", new { reason = "latency" })).ExpectAsync(200);

        var active = rolledBack["active"]!;
        Assert.Equal((3, "Rollback", 1, 100), (active["number"]!.GetValue<int>(), active["kind"]!.GetValue<string>(), active["rollbackOf"]!.GetValue<int>(),
            active["versions"]![0]!["weight"]!.GetValue<int>()));
        var revisions = await (await (await factory.OperatorAsync()).GetAsync($"/api/v1/deployments/{name}/revisions")).ExpectAsync(200);
        Assert.Equal("RolledBack", revisions["items"]![1]!["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Production", null, "Development")]
    [InlineData("Production", "Staging", "Staging")]
    [InlineData("Staging", null, "Development")]
    public async Task A_version_not_approved_into_the_environment_is_422_naming_it_and_its_stage(string environment, string? approvedInto, string stage)
    {
        var model = NewName("m");
        var version = await factory.VersionAsync(model, approvedInto);

        var problem = await factory.PutAsync(NewName("gated"), new { model, environment, versions = new[] { new { version, weight = 1 } }, reason = "try" }, 422);

        Assert.Equal("urn:platform:problem:not-approved", problem["type"]!.GetValue<string>());
        Assert.Equal((version, stage), (problem["version"]!.GetValue<int>(), problem["stage"]!.GetValue<string>()));
        Assert.Contains($"Version {version} is {stage}", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_version_that_does_not_exist_is_404_and_changes_need_the_operator_role()
    {
        var model = NewName("m");
        var version = await factory.VersionAsync(model);
        await factory.PutAsync(NewName("missing"), Body(model, new { version = version + 5, weight = 1 }), 404);

        using var scientist = await factory.UserAsync("DataScientist");
        await (await scientist.PutJsonAsync($"/api/v1/deployments/{NewName("x")}", Body(model, new { version, weight = 1 }))).ExpectAsync(403);
        await (await scientist.PostJsonAsync($"/api/v1/deployments/{NewName("x")}/rollback", new { reason = "r" })).ExpectAsync(403);
        await (await scientist.GetAsync("/api/v1/deployments")).ExpectAsync(200);
        await (await scientist.GetAsync(Contracts.Api.ServingControlPlaneApi.DesiredState)).ExpectAsync(403);
    }
}
