using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Application.AccessTokens;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Bearer authentication with four sources behind one default scheme: the API's own JWTs, an external OpenID
/// Connect authority (when configured), personal access tokens, running jobs' tokens, and edge devices' tokens. Every endpoint requires an authenticated
/// caller unless it says otherwise (the fallback policy); roles are checked in the application layer.
/// </summary>
public static class AuthenticationSetup
{
    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var external = !string.IsNullOrWhiteSpace(auth.Authority);
        var builder = services.AddAuthentication(PlatformAuthenticationSchemes.Selector)
            .AddPolicyScheme(PlatformAuthenticationSchemes.Selector, "Bearer token", o =>
                o.ForwardDefaultSelector = context => SelectScheme(BearerToken.From(context.Request), auth.Issuer, external))
            .AddJwtBearer(PlatformAuthenticationSchemes.Local)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(PlatformAuthenticationSchemes.AccessToken, null)
            .AddScheme<AuthenticationSchemeOptions, JobTokenAuthenticationHandler>(PlatformAuthenticationSchemes.JobToken, null)
            .AddScheme<AuthenticationSchemeOptions, DeviceTokenAuthenticationHandler>(PlatformAuthenticationSchemes.DeviceToken, null);
        services.AddOptions<JwtBearerOptions>(PlatformAuthenticationSchemes.Local)
            .Configure<SigningKeyStore, IOptions<AuthOptions>>((o, keys, options) => ConfigureLocal(o, keys, options.Value));

        if (external)
        {
            builder.AddJwtBearer(PlatformAuthenticationSchemes.External, o => ConfigureExternal(o, auth));
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(PlatformAuthenticationSchemes.Selector).RequireAuthenticatedUser().Build());
        return services;
    }

    private static string SelectScheme(string? token, string localIssuer, bool external)
    {
        if (token is not null && AccessTokenSecret.LooksLikeSecret(token))
        {
            return PlatformAuthenticationSchemes.AccessToken;
        }

        if (token is not null && (JobTokens.LooksLikeToken(token) || JobTokens.LooksLikeTicket(token)))
        {
            return PlatformAuthenticationSchemes.JobToken;
        }

        if (token is not null && Fleet.DeviceTokens.LooksLikeToken(token))
        {
            return PlatformAuthenticationSchemes.DeviceToken;
        }

        if (external && token is not null)
        {
            try
            {
                return new JsonWebToken(token).Issuer == localIssuer ? PlatformAuthenticationSchemes.Local : PlatformAuthenticationSchemes.External;
            }
            catch (ArgumentException)
            {
                return PlatformAuthenticationSchemes.Local;
            }
        }

        return PlatformAuthenticationSchemes.Local;
    }

    private static void ConfigureLocal(JwtBearerOptions o, SigningKeyStore keys, AuthOptions auth)
    {
        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            IssuerSigningKey = keys.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = PlatformClaims.Name,
            RoleClaimType = PlatformClaims.Role,
            AuthenticationType = PlatformAuthenticationSchemes.Local,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        o.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                context.Token = BearerToken.From(context.Request);
                return Task.CompletedTask;
            },
            // A disabled or deleted user's tokens stop working at once, not when they expire.
            OnTokenValidated = async context =>
            {
                var subject = context.Principal?.FindFirst(PlatformClaims.Subject)?.Value;
                var db = context.HttpContext.RequestServices.GetRequiredService<PlatformDbContext>();
                var active = Guid.TryParse(subject, out var id)
                    && await db.Users.AnyAsync(u => u.Id == id && !u.IsDisabled, context.HttpContext.RequestAborted);
                if (!active)
                {
                    context.Fail("The user is disabled or no longer exists.");
                }
            },
        };
    }

    private static void ConfigureExternal(JwtBearerOptions o, AuthOptions auth)
    {
        o.Authority = auth.Authority;
        o.Audience = auth.ExternalAudience ?? auth.Audience;
        o.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        o.MapInboundClaims = false;
        o.TokenValidationParameters.NameClaimType = auth.NameClaim;
        o.TokenValidationParameters.RoleClaimType = auth.RoleClaim;
        o.TokenValidationParameters.AuthenticationType = PlatformAuthenticationSchemes.External;
        o.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                context.Token = BearerToken.From(context.Request);
                return Task.CompletedTask;
            },
        };
    }
}
