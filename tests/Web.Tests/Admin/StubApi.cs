using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Web.Tests.Admin;

/// <summary>
/// The Api as a page sees it over HTTP: canned JSON answers per method and path, and a record of what was sent.
/// The portal's own client, session and JSON handling stay real; only the far side of the wire is canned.
/// As in the Api, the default workspace's paths (<c>/api/v1/workspaces/default/…</c>, where the portal sends a signed-in
/// person's calls) are the root's: routes and <c>Path</c> are written without it; <c>Wire</c> is what was sent.
/// </summary>
public sealed class StubApi : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, string Path, Func<HttpStatusCode>? Status, Func<object> Answer)> _routes = [];

    private const string DefaultWorkspace = "/api/v1/workspaces/default/";

    public List<(HttpMethod Method, string Path, JsonElement? Body, string Wire)> Sent { get; } = [];

    /// <summary>A path inside the default workspace as the root's path the Api also serves it at; any other path as it is.</summary>
    public static string AsRoot(string pathAndQuery) =>
        pathAndQuery.StartsWith(DefaultWorkspace, StringComparison.Ordinal) ? "/api/v1/" + pathAndQuery[DefaultWorkspace.Length..] : pathAndQuery;

    /// <summary>Answers <paramref name="method"/> on a path starting with <paramref name="path"/> (the latest rule wins).</summary>
    public StubApi On(HttpMethod method, string path, Func<object> answer, HttpStatusCode status = HttpStatusCode.OK)
    {
        _routes.Insert(0, (method, path, () => status, answer));
        return this;
    }

    public IEnumerable<JsonElement> BodiesOf(HttpMethod method, string path) =>
        Sent.Where(s => s.Method == method && s.Path.StartsWith(path, StringComparison.Ordinal) && s.Body is not null).Select(s => s.Body!.Value);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var wire = request.RequestUri!.PathAndQuery;
        var path = AsRoot(wire);
        JsonElement? body = request.Content is null ? null : JsonDocument.Parse(await request.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
        lock (Sent)
        {
            Sent.Add((request.Method, path, body, wire));
        }

        var route = _routes.FirstOrDefault(r => r.Method == request.Method && path.StartsWith(r.Path, StringComparison.Ordinal));
        if (route.Answer is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = JsonContent.Create(new { title = "Not found", detail = $"No stub for {request.Method} {path}" }) };
        }

        return new HttpResponseMessage(route.Status!()) { Content = JsonContent.Create(route.Answer(), options: new JsonSerializerOptions(JsonSerializerDefaults.Web)) };
    }
}
