using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace DemoConsole.Web.Security;

/// <summary>Browser sign-in: the presenter key (from the sign-in form) or the audience link's viewer token becomes a cookie.</summary>
public static partial class SignInEndpoints
{
    private const int MaxNameLength = 40;

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        // Both take a secret (the presenter key, the audience token): a guesser meets the per-address limit.
        app.MapPost("/auth/signin", SignInAsync).RequireRateLimiting(ConsoleRateLimits.SignIn);
        app.MapGet("/auth/watch", WatchAsync).RequireRateLimiting(ConsoleRateLimits.SignIn);
        app.MapPost("/auth/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(ConsoleClaims.CookieScheme);
            return Results.Redirect("/signin");
        });
        return app;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context,
        [FromForm] string? key,
        [FromForm] string? name,
        [FromForm] string? returnUrl,
        ConsoleSecrets secrets,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SignInEndpoints));
        if (!secrets.IsPresenterKey(key))
        {
            LogSignInRefused(logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return Results.Redirect("/signin?error=key");
        }

        var presenter = CleanName(name);
        await context.SignInAsync(ConsoleClaims.CookieScheme, ConsoleClaims.Principal(presenter, ConsoleClaims.PresenterRole, ConsoleClaims.CookieScheme));
        LogSignedIn(logger, presenter);
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    /// <summary><c>view=light</c> leads to the light audience screen (<c>/watch/light</c>, for large audiences), otherwise <c>/watch</c>.</summary>
    private static async Task<IResult> WatchAsync(HttpContext context, string? t, string? view, ConsoleSecrets secrets)
    {
        var screen = view == "light" ? "/watch/light" : "/watch";
        if (!secrets.IsViewerToken(t))
        {
            return secrets.OpenWatching ? Results.Redirect(screen) : Results.Redirect("/signin?error=token");
        }

        await context.SignInAsync(ConsoleClaims.CookieScheme, ConsoleClaims.Principal("audience", ConsoleClaims.ViewerRole, ConsoleClaims.CookieScheme));
        return Results.Redirect(screen);
    }

    /// <summary>Presenter names are shown to the whole team; keep them short and plain.</summary>
    public static string CleanName(string? name)
    {
        var cleaned = NameFilter().Replace(name ?? "", "").Trim();
        if (cleaned.Length > MaxNameLength)
        {
            cleaned = cleaned[..MaxNameLength];
        }

        return cleaned.Length == 0 || cleaned == Core.Session.DemoSession.RemoteName ? "presenter" : cleaned;
    }

    private static bool IsLocal([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    [GeneratedRegex(@"[^\p{L}\p{N} ._-]")]
    private static partial Regex NameFilter();

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Presenter sign-in refused from {Remote}: wrong key")]
    private static partial void LogSignInRefused(ILogger logger, string remote);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Presenter {Presenter} signed in")]
    private static partial void LogSignedIn(ILogger logger, string presenter);
}
