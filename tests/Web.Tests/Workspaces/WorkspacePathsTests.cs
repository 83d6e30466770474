using Platform.Web.Api;

namespace Platform.Web.Tests.Workspaces;

/// <summary>The one place that decides where a call goes: a workspace's resources inside it, the platform-wide routes at the root.</summary>
public sealed class WorkspacePathsTests
{
    [Theory]
    [InlineData("api/v1/experiments?limit=25", "api/v1/workspaces/fraud/experiments?limit=25")]
    [InlineData("api/v1/runs/search", "api/v1/workspaces/fraud/runs/search")]
    [InlineData("api/v1/jobs/0b6c/cancel", "api/v1/workspaces/fraud/jobs/0b6c/cancel")]
    [InlineData("api/v1/models/churn/versions/2/promotions", "api/v1/workspaces/fraud/models/churn/versions/2/promotions")]
    [InlineData("api/v1/promotions?status=Pending", "api/v1/workspaces/fraud/promotions?status=Pending")]
    [InlineData("api/v1/approval-policies/Production", "api/v1/workspaces/fraud/approval-policies/Production")]
    [InlineData("api/v1/downloads", "api/v1/workspaces/fraud/downloads")]
    [InlineData("api/v1/search?q=churn", "api/v1/workspaces/fraud/search?q=churn")]
    [InlineData("api/v1/webhooks", "api/v1/workspaces/fraud/webhooks")]
    [InlineData("api/v1/deployments/cancer/keys", "api/v1/workspaces/fraud/deployments/cancer/keys")]
    [InlineData("api/v1/datasets?limit=5", "api/v1/workspaces/fraud/datasets?limit=5")]
    [InlineData("api/v1/usersx", "api/v1/workspaces/fraud/usersx")]
    public void A_workspace_resource_goes_inside_the_current_workspace(string path, string expected) =>
        Assert.Equal(expected, WorkspacePaths.Resolve(path, "fraud"));

    [Theory]
    [InlineData("api/v1/auth/token")]
    [InlineData("api/v1/users/me")]
    [InlineData("api/v1/users?limit=25")]
    [InlineData("api/v1/workspaces?limit=100")]
    [InlineData("api/v1/workspaces/ops/members/bob")]
    [InlineData("api/v1/workspaces/ops/quotas")]
    [InlineData("api/v1/tokens")]
    [InlineData("api/v1/tokens/0b6c")]
    [InlineData("api/v1/audit?limit=50")]
    [InlineData("api/v1/audit/verify")]
    [InlineData("hubs/jobs")]
    public void A_platform_wide_route_stays_at_the_root(string path) =>
        Assert.Equal(path, WorkspacePaths.Resolve(path, "fraud"));

    [Fact]
    public void The_platform_wide_list_is_the_apis_platform_wide_groups() =>
        Assert.Equal(["auth", "users", "workspaces", "tokens", "audit", "workers"], WorkspacePaths.PlatformWide);
}
