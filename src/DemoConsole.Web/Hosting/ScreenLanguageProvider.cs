using DemoConsole.Core.Scenarios;
using Microsoft.AspNetCore.Localization;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// Chooses each request's language. The audience screen: the setting, else the scenario's <c>language:</c>, else
/// Korean. Every other screen first asks the presenter's own choice (<see cref="LanguagePreference"/> cookie), then the
/// same. The browser's Accept-Language never decides: the screens follow the demo, not the machine they run on.
/// </summary>
/// <remarks>
/// A Blazor circuit takes its culture from the request that opens its connection (<c>/_blazor</c>), whose path
/// says nothing about the page; start.js adds <c>?screen=audience</c> to that connection on the audience screen, so a
/// presenter's own choice never reaches a projector window opened in the same browser.
/// </remarks>
public sealed class ScreenLanguageProvider(string? configured) : RequestCultureProvider
{
    public const string ScreenQuery = "screen";
    public const string AudienceScreen = "audience";

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = Choose(httpContext);
        return Task.FromResult<ProviderCultureResult?>(
            new ProviderCultureResult(ConsoleLanguage.FormatCulture(language).Name, language));
    }

    private string Choose(HttpContext httpContext)
    {
        if (!IsAudience(httpContext.Request) && LanguagePreference.Read(httpContext.Request) is { } own)
        {
            return own;
        }

        return Audience(configured, httpContext.RequestServices.GetService<IScenarioSource>());
    }

    /// <summary>The audience's language: the setting, else the scenario's, else the default (also the light audience stream's).</summary>
    public static string Audience(string? configured, IScenarioSource? scenario) =>
        (ConsoleLanguage.IsSupported(configured) ? configured : null) ?? ScenarioLanguage(scenario) ?? ConsoleLanguage.Default;

    private static bool IsAudience(HttpRequest request) =>
        request.Path.StartsWithSegments("/watch", StringComparison.OrdinalIgnoreCase)
        || request.Query[ScreenQuery] == AudienceScreen;

    private static string? ScenarioLanguage(IScenarioSource? scenario) =>
        scenario?.Current.Scenario.Language is { } language
        && ConsoleLanguage.IsSupported(language)
            ? language
            : null;
}
