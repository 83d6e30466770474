using Microsoft.AspNetCore.Authentication;

namespace Platform.Api.Http;

/// <summary>
/// An address under <c>/api</c> that no route serves at all: 401 without credentials (nothing is said about what exists)
/// and 404 with them, as problem details (the status code pages write them). A path served with other methods has a
/// 405 endpoint and is not touched here. Between authentication and authorisation, so that the caller is known.
/// </summary>
internal static class UnknownApiAddresses
{
    public static IApplicationBuilder UseUnknownApiAddresses(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.GetEndpoint() is null && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return context.ChallengeAsync(); // 401 with the scheme's WWW-Authenticate, as authorisation would answer
        }

        return next(context);
    });
}
