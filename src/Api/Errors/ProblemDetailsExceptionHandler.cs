using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Platform.Application.Common.Exceptions;
using Platform.Domain.Common;
using Platform.Infrastructure.Observability;

namespace Platform.Api.Errors;

/// <summary>
/// Turns every exception into RFC 7807 problem details: validation 400 (with <c>errors</c> per field), 401, 403,
/// 404, 409 (with the rule's <c>code</c>), 410 (an expired download link), 412, 413, 422 (gates), 429 (with <c>Retry-After</c>); anything unexpected is a 500 that reveals nothing.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, SensitivePaths.Redact(httpContext.Request.Path.Value));
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is TooManyRequestsException busy)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // A caller whose Accept rules out JSON still gets the status, with an empty body: the error is handled either way
        // (answering false would make the middleware rethrow, and the caller would see a 500 for a 404).
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
        return true;
    }

    /// <summary>The status the Api answers an exception with (500 for one it does not know): for callers that run the handlers in process.</summary>
    public static int StatusOf(Exception exception) => ToProblem(exception).Status ?? StatusCodes.Status500InternalServerError;

    private static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        RequestValidationException e => Validation(e.Errors.ToDictionary(kv => kv.Key, kv => kv.Value)),
        BadHttpRequestException { InnerException: JsonException json } => Validation(new Dictionary<string, string[]>
        {
            [JsonField(json.Path)] = [JsonErrorText.Describe(json)],
        }),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e =>
            Problem(413, ProblemTypes.PayloadTooLarge, "Payload too large", e.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } e when BindingErrorText.Describe(e) is var (field, reason) =>
            Validation(new Dictionary<string, string[]> { [field] = [reason] }),
        BadHttpRequestException e => Problem(e.StatusCode, ProblemTypes.BadRequest, "Bad request", e.Message),
        UnauthenticatedException e => Problem(401, ProblemTypes.Unauthenticated, "Unauthenticated", e.Message),
        ForbiddenAccessException e => Problem(403, ProblemTypes.Forbidden, "Forbidden", e.Message),
        NotFoundException e => Problem(404, ProblemTypes.NotFound, "Not found", e.Message),
        ConflictException e => WithCode(Problem(409, ProblemTypes.Conflict, "Conflict", e.Message), e.Code),
        Domain.Governance.GatesFailedException e => GatesFailed(e),
        Domain.Deployments.VersionNotApprovedException e => NotApproved(e),
        DomainException e => WithCode(Problem(409, ProblemTypes.Conflict, "Conflict", e.Message), e.Code),
        DownloadLinkExpiredException e => Problem(410, ProblemTypes.Gone, "Gone", e.Message),
        PreconditionFailedException e => Problem(412, ProblemTypes.PreconditionFailed, "Precondition failed", e.Message),
        PayloadTooLargeException e => Problem(413, ProblemTypes.PayloadTooLarge, "Payload too large", e.Message),
        TooManyRequestsException e => Problem(429, ProblemTypes.TooManyRequests, "Too many requests", e.Message),
        _ => Problem(500, ProblemTypes.Internal, "Internal error", "Something went wrong on our side; the error was logged."),
    };

    private static ValidationProblemDetails Validation(IDictionary<string, string[]> errors) => new(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Type = ProblemTypes.Validation,
        Title = "Invalid request",
        Detail = "Fix the fields named in 'errors': " + string.Join(", ", errors.Keys),
    };

    /// <summary>422 naming each failed gate (<c>failedGates</c>) with all the evidence the gates saw.</summary>
    private static ProblemDetails GatesFailed(Domain.Governance.GatesFailedException e)
    {
        var problem = WithCode(Problem(422, ProblemTypes.GatesFailed, "Gates failed", e.Message), e.Code);
        problem.Extensions["failedGates"] = e.Evidence.Failures.Select(f => f.Gate).ToArray();
        problem.Extensions["evidence"] = e.Evidence;
        return problem;
    }

    /// <summary>422 naming the version and the stage it holds (<c>version</c>, <c>stage</c>).</summary>
    private static ProblemDetails NotApproved(Domain.Deployments.VersionNotApprovedException e)
    {
        var problem = WithCode(Problem(422, ProblemTypes.NotApproved, "Version not approved", e.Message), e.Code);
        problem.Extensions["version"] = e.Version;
        problem.Extensions["stage"] = e.Stage.ToString();
        return problem;
    }

    private static ProblemDetails Problem(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    private static ProblemDetails WithCode(ProblemDetails problem, string code)
    {
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary><c>$.metrics[3].value</c> becomes <c>metrics[3].value</c>; the body itself is <c>body</c>.</summary>
    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');
}
