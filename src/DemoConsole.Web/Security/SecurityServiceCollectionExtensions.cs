using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DemoConsole.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Cookie sign-in for browsers, bearer keys for the API, and the presenter and watch policies.</summary>
    public static IServiceCollection AddConsoleSecurity(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleSecrets>();
        services.AddPersistedDataProtection();
        services.AddAuthentication(ConsoleClaims.CookieScheme)
            .AddCookie(ConsoleClaims.CookieScheme, options =>
            {
                options.Cookie.Name = "demo-console";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.LoginPath = "/signin";
                options.AccessDeniedPath = "/signin";
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.Events = new CookieAuthenticationEvents
                {
                    // The API and the audience stream answer with status codes, never with a redirect to a sign-in page.
                    OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden),
                };
            })
            .AddScheme<AuthenticationSchemeOptions, BearerKeyHandler>(ConsoleClaims.BearerScheme, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleClaims.PresenterPolicy, policy => policy.RequireRole(ConsoleClaims.PresenterRole))
            .AddPolicy(ConsoleClaims.WatchPolicy, policy => policy.AddRequirements(new WatchRequirement()));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, WatchRequirementHandler>();
        services.AddCascadingAuthenticationState();
        services.AddConsoleRateLimits();
        return services;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments(Audience.AudienceEndpoints.StreamPath))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
