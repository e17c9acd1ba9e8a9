using DemoConsole.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// A presenter's own screen language: a cookie that the presenter sets from the top bar (a form post, so the page
/// reloads and its circuit starts again in the new language). It outlives a refresh and a sign-out, and only ever
/// changes that browser's presenter screens; the audience screen ignores it (<see cref="ScreenLanguageProvider"/>).
/// </summary>
public static class LanguagePreference
{
    public const string CookieName = "DemoConsole.Language";

    /// <summary>The form value that forgets the choice: the screen follows the setting or the scenario again.</summary>
    public const string Automatic = "auto";

    public static string? Read(HttpRequest request) =>
        request.Cookies[CookieName] is { } value && ConsoleLanguage.IsSupported(value) ? value : null;

    public static IEndpointRouteBuilder MapLanguagePreference(this IEndpointRouteBuilder app)
    {
        app.MapPost("/preferences/language", (HttpContext context, [FromForm] string? language, [FromForm] string? returnUrl) =>
        {
            if (language == Automatic)
            {
                context.Response.Cookies.Delete(CookieName);
            }
            else if (ConsoleLanguage.IsSupported(language))
            {
                context.Response.Cookies.Append(CookieName, language, new CookieOptions
                {
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    MaxAge = TimeSpan.FromDays(365),
                });
            }
            else
            {
                return Results.BadRequest(new { error = Resources.UiText.Get("Language_Unknown", string.Join(", ", ConsoleLanguage.Supported), Automatic) });
            }

            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/present");
        }).RequireAuthorization(ConsoleClaims.PresenterPolicy);
        return app;
    }

    private static bool IsLocal([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
