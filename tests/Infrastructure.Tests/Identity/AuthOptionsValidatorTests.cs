using Platform.Infrastructure.Identity;

namespace Platform.Infrastructure.Tests.Identity;

public sealed class AuthOptionsValidatorTests
{
    private static readonly AuthOptionsValidator Validator = new();

    [Fact]
    public void Well_formed_mappings_pass_and_a_workspace_that_does_not_exist_is_not_checked_here()
    {
        var result = Validator.Validate(null, With(new WorkspaceRoleMapping { Group = "fraud-scientists", Workspace = "not-created-yet", Roles = ["DataScientist", "viewer"] }));
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void An_unknown_role_is_named_with_its_key_and_index()
    {
        var result = Validator.Validate(null, With(Valid(), new WorkspaceRoleMapping { Group = "g", Workspace = "fraud", Roles = ["Scientist"] }));
        Assert.False(result.Succeeded);
        Assert.Contains("Auth:WorkspaceRoles:1:Roles: 'Scientist' is not a role", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_machine_role_is_not_a_role_a_group_can_hold()
    {
        var result = Validator.Validate(null, With(new WorkspaceRoleMapping { Group = "g", Workspace = "fraud", Roles = ["System"] }));
        Assert.Contains("Auth:WorkspaceRoles:0:Roles: 'System' is not a role", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fraud")]
    [InlineData("fraud team")]
    [InlineData("")]
    [InlineData("9lives")]
    public void A_bad_workspace_name_is_named_with_its_key_and_index(string workspace)
    {
        var result = Validator.Validate(null, With(new WorkspaceRoleMapping { Group = "g", Workspace = workspace, Roles = ["Viewer"] }));
        Assert.False(result.Succeeded, $"'{workspace}' passed as a workspace name");
        Assert.Contains($"Auth:WorkspaceRoles:0:Workspace '{workspace}' is not a workspace name", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_without_group_or_roles_is_refused()
    {
        var result = Validator.Validate(null, With(new WorkspaceRoleMapping { Group = " ", Workspace = "fraud", Roles = [] }));
        Assert.Contains("Auth:WorkspaceRoles:0:Group is empty", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Auth:WorkspaceRoles:0:Roles is empty", result.FailureMessage, StringComparison.Ordinal);
    }

    private static WorkspaceRoleMapping Valid() => new() { Group = "fraud-scientists", Workspace = "fraud", Roles = ["DataScientist"] };

    private static AuthOptions With(params WorkspaceRoleMapping[] mappings) => new() { WorkspaceRoles = [.. mappings] };
}
