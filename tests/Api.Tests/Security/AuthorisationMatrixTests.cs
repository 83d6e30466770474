using System.Net.Http.Json;
using System.Text;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Security;

/// <summary>
/// The README's authorisation matrix, cell by cell: each action sent by a user holding one role is refused with 403
/// exactly where the matrix has no tick. An allowed request may still fail for another reason (404 for a model that
/// does not exist, 400); what matters here is that the role check let it through.
/// </summary>
public sealed class AuthorisationMatrixTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Roles = ["Viewer", "DataScientist", "Approver", "Operator", "Admin"];

    public static TheoryData<string, string, string> Cells()
    {
        var cells = new TheoryData<string, string, string>();
        foreach (var (action, allowed) in Matrix)
        {
            foreach (var role in Roles)
            {
                cells.Add(action, role, allowed.Contains(role) || role == "Admin" ? "allowed" : "forbidden");
            }
        }

        return cells;
    }

    private static readonly (string Action, string[] Allowed)[] Matrix =
    [
        ("read experiments", Roles),
        ("create experiments", ["DataScientist"]),
        ("upload dataset versions", ["DataScientist"]),
        ("read the registry", Roles),
        ("register model versions", ["DataScientist"]),
        ("set aliases and version tags", ["DataScientist", "Operator"]),
        ("request, withdraw promotions", ["DataScientist", "Operator"]),
        ("archive or return a version to Development", ["DataScientist", "Operator"]),
        ("read promotion requests and policies", Roles),
        ("define approval policies", []),
        ("read and verify the audit trail", ["Approver"]),
        ("manage webhooks and read their delivery logs", []),
        ("manage users", []),
        ("read deployments, their revisions and monitoring", Roles),
        ("read a deployment's monitoring history", Roles),
        ("change, roll back deployments; manage inference keys", ["Operator"]),
        ("read the serving desired state; report from serving hosts", ["Operator"]),
        ("read the fleet and its rollouts", Roles),
        ("manage enrolment tokens and devices; start, pause, resume, abort, roll back rollouts", ["Operator"]),
        ("approve or reject a rollout awaiting its approval", ["Approver"]),
        ("read federated trainings, their rounds and sites", Roles),
        ("start and cancel federated trainings", ["DataScientist"]),
        ("admit sites to a federated training", ["Operator"]),
    ];

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_role_is_let_through_or_refused_as_the_matrix_says(string action, string role, string expected)
    {
        using var client = await factory.UserAsync(role);
        var statuses = new List<int>();
        foreach (var request in Requests(action))
        {
            using var response = await client.SendAsync(request);
            statuses.Add((int)response.StatusCode);
        }

        Assert.All(statuses, s => Assert.True(
            expected == "forbidden" ? s == 403 : s is not (403 or 401 or 500),
            $"{role} / {action}: expected {expected}, got {string.Join(", ", statuses)}"));
    }

    private static IEnumerable<HttpRequestMessage> Requests(string action)
    {
        var promotion = Guid.NewGuid();
        return action switch
        {
            "read experiments" => [Get("/api/v1/experiments")],
            "create experiments" => [Json(HttpMethod.Post, "/api/v1/experiments", new { name = "matrix-" + Guid.NewGuid().ToString("N") })],
            "upload dataset versions" => [new(HttpMethod.Post, "/api/v1/datasets/matrix/versions") { Content = new StringContent("a,b\n1,2\n", Encoding.UTF8, "text/csv") }],
            "read the registry" => [Get("/api/v1/models"), Get("/api/v1/models/none/versions/1/evaluations"), Get("/api/v1/search?q=churn"), Get("/api/v1/trainers")],
            "register model versions" => [Json(HttpMethod.Post, "/api/v1/models/none/versions", new { runId = Guid.NewGuid() })],
            "set aliases and version tags" =>
                [Json(HttpMethod.Put, "/api/v1/models/none/aliases/champion", new { version = 1 }), Json(HttpMethod.Put, "/api/v1/models/none/versions/1/tags/team", new { value = "x" })],
            "request, withdraw promotions" =>
                [Json(HttpMethod.Post, "/api/v1/models/none/versions/1/promotions", new { targetStage = "Production", justification = "why" }), new(HttpMethod.Post, $"/api/v1/promotions/{promotion}/withdraw")],
            "archive or return a version to Development" => [Json(HttpMethod.Post, "/api/v1/models/none/versions/1/stage", new { stage = "Archived", reason = "old" })],
            "read promotion requests and policies" => [Get("/api/v1/promotions?status=Pending"), Get($"/api/v1/promotions/{promotion}"), Get("/api/v1/approval-policies")],
            "define approval policies" => [Json(HttpMethod.Put, "/api/v1/approval-policies/Staging", new { approverRoles = new[] { "Approver" }, requiredApprovals = 1 })],
            "read and verify the audit trail" => [Get("/api/v1/audit"), Get("/api/v1/audit/verify"), Get("/api/v1/audit/actions")],
            "manage webhooks and read their delivery logs" => [Get("/api/v1/webhooks"), Get($"/api/v1/webhooks/{promotion}/deliveries")],
            "manage users" => [Get("/api/v1/users")],
            "read deployments, their revisions and monitoring" =>
                [Get("/api/v1/deployments"), Get("/api/v1/deployments/none"), Get("/api/v1/deployments/none/revisions"), Get("/api/v1/deployments/none/monitoring")],
            "read a deployment's monitoring history" => [Get("/api/v1/deployments/none/monitoring/history?limit=10")],
            "change, roll back deployments; manage inference keys" =>
                [Json(HttpMethod.Put, "/api/v1/deployments/none", new { model = "none", environment = "Production", versions = new[] { new { version = 1, weight = 1 } }, reason = "r" }),
                 Json(HttpMethod.Post, "/api/v1/deployments/none/rollback", new { reason = "r" }), Json(HttpMethod.Post, "/api/v1/deployments/none/keys", new { name = "k" }),
                 Get("/api/v1/deployments/none/keys"), new(HttpMethod.Delete, $"/api/v1/deployments/none/keys/{promotion}")],
            "read the serving desired state; report from serving hosts" =>
                [Get("/api/v1/serving/desired-state"),
                 Json(HttpMethod.Post, "/api/v1/deployments/none/canary-rollbacks", new { revision = 1, version = 2, reason = "r", requests = 1, errors = 1, errorRate = 1.0, p95Milliseconds = 1.0, windowStart = DateTimeOffset.UnixEpoch, windowEnd = DateTimeOffset.UnixEpoch, host = "h" }),
                 Json(HttpMethod.Post, "/api/v1/deployments/none/monitoring", new { revision = 1, from = DateTimeOffset.UnixEpoch, to = DateTimeOffset.UnixEpoch, host = "h", versions = new[] { new { version = 1, requests = 1, errors = 0, p50Milliseconds = 1.0, p95Milliseconds = 1.0, p99Milliseconds = 1.0, sampleSize = 1, drift = Array.Empty<object>() } } })],
            "read the fleet and its rollouts" =>
                [Get("/api/v1/fleet/devices"), Get("/api/v1/fleet/summary"), Get($"/api/v1/fleet/devices/{promotion}"), Get("/api/v1/fleet/rollouts"), Get($"/api/v1/fleet/rollouts/{promotion}"),
                 Get($"/api/v1/fleet/rollouts/{promotion}/devices")],
            "manage enrolment tokens and devices; start, pause, resume, abort, roll back rollouts" =>
                [Json(HttpMethod.Post, "/api/v1/fleet/enrolment-tokens", new { name = "n" }), Get("/api/v1/fleet/enrolment-tokens"),
                 Json(HttpMethod.Post, "/api/v1/fleet/enrolment-tokens/batch", new { name = "n", count = 2 }),
                 new(HttpMethod.Delete, $"/api/v1/fleet/enrolment-tokens/{promotion}"), Json(HttpMethod.Put, $"/api/v1/fleet/devices/{promotion}/labels", new { labels = new { } }),
                 new(HttpMethod.Post, $"/api/v1/fleet/devices/{promotion}/suspend"), new(HttpMethod.Post, $"/api/v1/fleet/devices/{promotion}/resume"),
                 new(HttpMethod.Post, $"/api/v1/fleet/devices/{promotion}/decommission"), new(HttpMethod.Post, $"/api/v1/fleet/devices/{promotion}/revoke"),
                 Json(HttpMethod.Post, "/api/v1/fleet/rollouts", new { model = "none", version = 1, waves = new[] { new { percent = 100 } } }),
                 Json(HttpMethod.Post, $"/api/v1/fleet/rollouts/{promotion}/pause", new { }), Json(HttpMethod.Post, $"/api/v1/fleet/rollouts/{promotion}/resume", new { }),
                 Json(HttpMethod.Post, $"/api/v1/fleet/rollouts/{promotion}/abort", new { }), Json(HttpMethod.Post, $"/api/v1/fleet/rollouts/{promotion}/rollback", new { })],
            "approve or reject a rollout awaiting its approval" =>
                [Json(HttpMethod.Post, $"/api/v1/fleet/rollouts/{promotion}/approve", new { }), Json(HttpMethod.Post, $"/api/v1/fleet/rollouts/{promotion}/reject", new { comment = "no" })],
            "read federated trainings, their rounds and sites" =>
                [Get("/api/v1/federations"), Get($"/api/v1/federations/{promotion}"), Get($"/api/v1/federations/{promotion}/rounds"), Get($"/api/v1/federations/{promotion}/sites")],
            "start and cancel federated trainings" =>
                [Json(HttpMethod.Post, "/api/v1/federations", new { experimentId = promotion, name = "f", plan = new { dataset = "d", labelColumn = "y" } }),
                 new(HttpMethod.Post, $"/api/v1/federations/{promotion}/cancel")],
            "admit sites to a federated training" => [Json(HttpMethod.Post, $"/api/v1/federations/{promotion}/sites", new { deviceIds = new[] { promotion } })],
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not in the matrix"),
        };
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Json(HttpMethod method, string path, object body) => new(method, path) { Content = JsonContent.Create(body) };
}
