using System.Security.Claims;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Security;

/// <summary>
/// <c>Auth:WorkspaceRoles</c> maps an external token's groups to roles per workspace: the workspace step, the list and
/// get of workspaces and the serving desired state all read the same roles; a workspace no group maps to stays 404.
/// </summary>
public sealed class ExternalGroupRolesTests : IAsyncLifetime
{
    private readonly TestAuthority _authority = new();
    private ApiFactory? _api;

    public async Task InitializeAsync()
    {
        await _authority.StartAsync();
        _api = new ApiFactory().With("Auth:Authority", _authority.Issuer).With("Auth:RequireHttpsMetadata", "false");
        Map(0, "fraud-scientists", "fraud", "DataScientist");
        Map(1, "fraud-viewers", "fraud", "Viewer");
        Map(2, "fraud-operators", "fraud", "Operator");
        Map(3, "default-approvers", "default", "Approver");
        Map(4, "ghost-scientists", "ghost", "DataScientist");
        using var admin = await _api.AdminAsync();
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = "fraud" })).ExpectAsync(201);
        await (await admin.PostJsonAsync("/api/v1/workspaces", new { name = "risk" })).ExpectAsync(201);
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        await _authority.DisposeAsync();
    }

    [Fact]
    public async Task A_group_mapped_to_DataScientist_creates_an_experiment_in_its_workspace()
    {
        using var fraud = _api!.InWorkspace(Token("Viewer", "fraud-scientists"), "fraud");
        var experiment = await fraud.CreateExperimentAsync();
        await (await fraud.GetAsync($"/api/v1/experiments/{experiment}")).ExpectAsync(200);
    }

    [Fact]
    public async Task A_workspace_no_group_maps_to_is_404_even_beside_an_inert_mapping()
    {
        var token = Token("Viewer", "fraud-scientists", "ghost-scientists");
        using var risk = _api!.InWorkspace(token, "risk");
        await (await risk.GetAsync("/api/v1/experiments")).ExpectAsync(404);
        using var client = _api!.Authorized(token);
        await (await client.GetAsync("/api/v1/workspaces/risk")).ExpectAsync(404);
        await (await client.GetAsync("/api/v1/workspaces/ghost")).ExpectAsync(404);
    }

    [Fact]
    public async Task A_group_mapped_to_Viewer_reads_but_is_403_creating_an_experiment()
    {
        using var fraud = _api!.InWorkspace(Token("DataScientist", "fraud-viewers"), "fraud");
        await (await fraud.GetAsync("/api/v1/experiments")).ExpectAsync(200);
        await (await fraud.PostJsonAsync("/api/v1/experiments", new { name = "not-mine" })).ExpectAsync(403);
    }

    [Fact]
    public async Task The_workspace_list_holds_the_mapped_workspaces_with_their_roles_and_default_with_the_claimed_ones()
    {
        using var client = _api!.Authorized(Token("Viewer", "fraud-scientists", "fraud-viewers", "default-approvers"));
        var page = await (await client.GetAsync("/api/v1/workspaces")).ExpectAsync(200);
        var roles = page["items"]!.AsArray().ToDictionary(w => w!["name"]!.GetValue<string>(), w => RolesOf(w!));
        Assert.Equal(["default", "fraud"], roles.Keys.Order());
        Assert.Equal(["Approver", "Viewer"], roles["default"]);
        Assert.Equal(["DataScientist", "Viewer"], roles["fraud"]);
        var fraud = await (await client.GetAsync("/api/v1/workspaces/fraud")).ExpectAsync(200);
        Assert.Equal(["DataScientist", "Viewer"], RolesOf(fraud));
    }

    [Fact]
    public async Task Default_keeps_the_claimed_roles_beside_a_group_of_another_workspace()
    {
        using var client = _api!.Authorized(Token("DataScientist", "fraud-viewers"));
        await client.CreateExperimentAsync();
    }

    [Fact]
    public async Task A_group_claim_given_as_one_JSON_array_string_is_read_as_its_groups()
    {
        var token = _authority.Mint("platform-api", [new Claim("roles", "Viewer"), new Claim("groups", """["fraud-scientists"]""")]);
        using var fraud = _api!.InWorkspace(token, "fraud");
        await fraud.CreateExperimentAsync();
    }

    [Fact]
    public async Task The_desired_state_serves_a_workspace_a_group_makes_the_caller_Operator_in()
    {
        using var operatorByGroup = _api!.Authorized(Token("Viewer", "fraud-operators"));
        await (await operatorByGroup.GetAsync("/api/v1/serving/desired-state?workspaces=all")).ExpectAsync(200);
        using var viewer = _api.Authorized(Token("Viewer", "fraud-viewers"));
        await (await viewer.GetAsync("/api/v1/serving/desired-state?workspaces=all")).ExpectAsync(403);
    }

    [Fact]
    public void The_host_does_not_start_with_a_mapping_to_an_unknown_role()
    {
        using var api = new ApiFactory().With("Auth:WorkspaceRoles:0:Group", "g").With("Auth:WorkspaceRoles:0:Workspace", "fraud")
            .With("Auth:WorkspaceRoles:0:Roles:0", "Scientist");
        var refused = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => api.CreateClient());
        Assert.Contains("Auth:WorkspaceRoles:0:Roles: 'Scientist' is not a role", refused.Message, StringComparison.Ordinal);
    }

    private static string[] RolesOf(JsonNode workspace) => [.. workspace["yourRoles"]!.AsArray().Select(r => r!.GetValue<string>()).Order()];

    /// <summary>One group is a string claim in the token; two or more are a JSON array.</summary>
    private string Token(string role, params string[] groups) =>
        _authority.Mint("platform-api", [new Claim("roles", role), .. groups.Select(g => new Claim("groups", g))]);

    private void Map(int index, string group, string workspace, string role) => _api!
        .With($"Auth:WorkspaceRoles:{index}:Group", group)
        .With($"Auth:WorkspaceRoles:{index}:Workspace", workspace)
        .With($"Auth:WorkspaceRoles:{index}:Roles:0", role);
}
