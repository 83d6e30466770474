using Microsoft.AspNetCore.Diagnostics;

namespace Platform.Api.Errors;

/// <summary>Problem details for an answer that has a status and no body (a 404 from routing, a 401 from authorisation).</summary>
public static class StatusCodeProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
    }
}
