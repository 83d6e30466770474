using Platform.Domain.Common;
using Platform.Domain.Identity;
using Platform.Domain.Workspaces;

namespace Platform.Domain.Tests.Workspaces;

public sealed class WorkspaceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Fraud")]
    [InlineData("1fraud")]
    [InlineData("fraud team")]
    [InlineData("fraud/eu")]
    [InlineData("")]
    public void A_name_that_is_not_url_safe_is_refused(string name) =>
        Assert.Equal("workspace.name", Assert.Throws<DomainException>(() => Workspace.Create(name, null, null, "admin", Now)).Code);

    [Fact]
    public void The_display_name_defaults_to_the_name_and_a_blank_description_is_none()
    {
        var workspace = Workspace.Create("fraud-eu", null, "  ", "admin", Now);

        Assert.Equal(("fraud-eu", "fraud-eu", (string?)null), (workspace.Name, workspace.DisplayName, workspace.Description));
        Assert.Equal("workspace.display-name", Assert.Throws<DomainException>(() => workspace.Describe(new string('x', 101), null)).Code);
    }

    [Theory]
    [InlineData(Role.None)]
    [InlineData(Role.System)]
    [InlineData(Role.Viewer | Role.JobClaim)]
    public void A_member_holds_workspace_roles_only_and_at_least_one(Role roles) =>
        Assert.Equal("workspace.member-roles", Assert.Throws<DomainException>(() => WorkspaceMember.Add(Guid.NewGuid(), Guid.NewGuid(), roles, "admin", Now)).Code);

    [Fact]
    public void A_member_with_admin_among_their_roles_administers_the_workspace()
    {
        var member = WorkspaceMember.Add(Guid.NewGuid(), Guid.NewGuid(), Role.DataScientist, "admin", Now);
        Assert.False(member.IsAdmin);

        member.ChangeRoles(Role.DataScientist | Role.Admin);

        Assert.True(member.IsAdmin);
    }
}
