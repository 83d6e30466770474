using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Contracts.Fleet;

namespace Platform.Edge.Tests.Support;

/// <summary>The fake platform's endpoints, each doing what <see cref="FleetApi"/> says of it and no more.</summary>
public sealed partial class FakePlatform
{
    private void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(FleetApi.Enrol, async (HttpContext context) =>
        {
            var request = (await context.Request.ReadFromJsonAsync<EnrolRequest>(JsonSerializerOptions.Web))!;
            Enrolments.Enqueue(request);
            if (request.Token != EnrolmentToken || (DeviceKey is not null && Es256.Thumbprint(DeviceKey) != Es256.Thumbprint(request.PublicKey!)))
            {
                return Results.Problem(statusCode: 409, title: "enrolment.used");
            }

            DeviceKey = request.PublicKey;
            if (LoseNextEnrolAnswer)
            {
                LoseNextEnrolAnswer = false;
                context.Abort();
                return Results.Empty;
            }

            return Results.Ok(Enrolled() with { Name = request.Name!, Labels = request.Labels ?? new Dictionary<string, string>() });
        });
        app.MapPost("/api/v1/fleet/devices/{id:guid}/token", (Guid id, DeviceTokenRequest body) =>
        {
            Assertions.Enqueue(body.Assertion ?? "");
            using var key = Es256.Import(DeviceKey);
            if (id != DeviceId || key is null || Es256.Verify(body.Assertion, key) is not { } claims
                || claims.GetProperty("aud").GetString() != FleetApi.TokenAudience(id)
                || claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64() > FleetApi.MaxAssertionLifetime.TotalSeconds
                || DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64()) <= DateTimeOffset.UtcNow
                || DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("iat").GetInt64()) > DateTimeOffset.UtcNow + FleetApi.MaxAssertionLifetime)
            {
                return Results.Problem(statusCode: 401, detail: "the assertion is not valid now; see the Date header");
            }

            var token = $"pdt_{Guid.NewGuid():N}";
            _tokens[token] = true;
            return Results.Ok(new DeviceTokenResponse(token, "Bearer", TokenLifetimeSeconds));
        });
        app.MapGet(FleetApi.DesiredState, (HttpContext context) =>
        {
            DesiredStateIfNoneMatch.Enqueue(context.Request.Headers.IfNoneMatch.FirstOrDefault());
            if (Refusal(context) is { } refused)
            {
                return refused;
            }

            var desired = Desired ?? new DeviceDesiredState("0", [], new DevicePolling(30, 0.2, 300), []);
            var etag = $"\"{desired.Revision}\"";
            context.Response.Headers.ETag = etag;
            return context.Request.Headers.IfNoneMatch.ToString() == etag ? Results.StatusCode(304) : Results.Ok(desired);
        });
        app.MapPost(FleetApi.Report, async (HttpContext context) =>
        {
            if (Refusal(context) is { } refused)
            {
                return refused;
            }

            Reports.Enqueue((await context.Request.ReadFromJsonAsync<DeviceReport>(JsonSerializerOptions.Web))!);
            return Results.StatusCode(202);
        });
        app.MapGet("/api/v1/fleet/device/models/{model}/versions/{version:int}/file", ServeFileAsync);
    }

    private IResult? Refusal(HttpContext context) =>
        !Up ? Results.StatusCode(503)
        : AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var auth) && auth.Parameter is { } token && _tokens.ContainsKey(token)
            ? null
            : Results.StatusCode(401);

    /// <summary>The file, honouring <c>Range: bytes=N-</c> with 206 (unless <see cref="IgnoreRange"/>), cut once when asked to.</summary>
    private async Task ServeFileAsync(HttpContext context, string model, int version)
    {
        FileRanges.Enqueue(context.Request.Headers.Range.ToString());
        if (Refusal(context) is { } refused)
        {
            await refused.ExecuteAsync(context);
            return;
        }

        if (!Files.TryGetValue(FleetApi.ModelFile(model, version), out var bytes))
        {
            context.Response.StatusCode = 404;
            return;
        }

        long from = 0;
        if (!IgnoreRange && RangeHeaderValue.TryParse(context.Request.Headers.Range, out var range) && range.Ranges.Single().From is { } start && start < bytes.Length)
        {
            from = start;
            context.Response.StatusCode = 206;
            context.Response.Headers.ContentRange = $"bytes {from}-{bytes.Length - 1}/{bytes.Length}";
        }

        context.Response.Headers.AcceptRanges = "bytes";
        context.Response.ContentLength = bytes.Length - from;
        var body = bytes.AsMemory((int)from);
        if (CutNextFileAfter is { } cut)
        {
            CutNextFileAfter = null;
            await context.Response.Body.WriteAsync(body[..(int)Math.Min(cut, body.Length)]);
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(body);
    }
}
