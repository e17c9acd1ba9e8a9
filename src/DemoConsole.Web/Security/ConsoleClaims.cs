using System.Security.Claims;
using DemoConsole.Core.Security;

namespace DemoConsole.Web.Security;

/// <summary>How roles travel in claims, and how a signed-in user becomes a Core <see cref="Actor"/>.</summary>
public static class ConsoleClaims
{
    public const string PresenterRole = "presenter";
    public const string ViewerRole = "viewer";
    public const string CookieScheme = "DemoConsoleCookie";
    public const string BearerScheme = "Bearer";
    public const string PresenterPolicy = "Presenter";
    public const string WatchPolicy = "Watch";

    public static ClaimsPrincipal Principal(string name, string role, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], scheme));

    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var name = user.Identity?.Name is { Length: > 0 } n ? n : "anonymous";
        return user.IsInRole(PresenterRole) ? Actor.Presenter(name) : Actor.Viewer(name);
    }
}
