using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Api;
using Platform.Web.Tests.Admin;

namespace Platform.Web.Tests.Workspaces;

/// <summary>The portal's client as pages use it: what goes over the wire once the circuit works in a workspace.</summary>
public sealed class ClientRoutingTests : AdminPageContext
{
    private readonly PlatformApiClient _api;

    public ClientRoutingTests()
    {
        var session = Services.GetRequiredService<PortalSession>();
        session.SignInAsync(new SignedIn("ana", ["DataScientist"], "token", DateTimeOffset.UtcNow.AddHours(1))).GetAwaiter().GetResult();
        session.Enter("fraud", ["DataScientist"]);
        _api = Services.GetRequiredService<PlatformApiClient>();
    }

    [Fact]
    public async Task Workspace_resources_are_asked_of_the_current_workspace()
    {
        await Quietly(() => _api.ExperimentsAsync(25, null));
        await Quietly(() => _api.JobsAsync("Running", 10));
        await Quietly(() => _api.CreateExperimentAsync("churn"));
        await Quietly(() => _api.DownloadLinkAsync(DownloadRequest.ModelVersion("churn", 1)));
        await Quietly(() => _api.ApprovalPoliciesAsync());

        Assert.Equal(
            ["/api/v1/workspaces/fraud/experiments?limit=25", "/api/v1/workspaces/fraud/jobs?limit=10&state=Running", "/api/v1/workspaces/fraud/experiments",
             "/api/v1/workspaces/fraud/downloads", "/api/v1/workspaces/fraud/approval-policies"],
            Api.Sent.Select(s => s.Wire));
    }

    [Fact]
    public async Task Platform_wide_routes_stay_at_the_root_in_any_workspace()
    {
        await Quietly(() => _api.UsersAsync(25, null));
        await Quietly(() => _api.AccessTokensAsync(25, null));
        await Quietly(() => _api.AuditAsync(null, null, 50, null));
        await Quietly(() => _api.WorkspacesAsync());
        await Quietly(() => _api.WorkspaceMembersAsync("ops", 25, null));

        Assert.Equal(
            ["/api/v1/users?limit=25", "/api/v1/tokens?limit=25", "/api/v1/audit?limit=50", "/api/v1/workspaces?limit=100", "/api/v1/workspaces/ops/members?limit=25"],
            Api.Sent.Select(s => s.Wire));
    }

    /// <summary>The stub answers 404 to what it was not told: only where the call went counts here.</summary>
    private static async Task Quietly(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (ApiProblem)
        {
        }
    }
}
