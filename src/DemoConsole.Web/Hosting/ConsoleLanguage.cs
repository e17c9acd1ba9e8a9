using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// The UI language of every request and circuit, from <c>DemoConsole:Language</c>: resources only; number and date
/// formats stay the process's own. The browser's Accept-Language does not switch it (the screens follow the setting).
/// </summary>
public static class ConsoleLanguage
{
    public static readonly IReadOnlyList<string> Supported = ["ko", "en"];

    /// <param name="language">The setting; empty or unsupported (reported by the options validator) means Korean.</param>
    public static RequestLocalizationOptions Options(string? language)
    {
        var ui = CultureInfo.GetCultureInfo(language is not null && Supported.Contains(language) ? language : Supported[0]);
        var formats = CultureInfo.CurrentCulture;
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(formats, ui),
            SupportedCultures = [formats],
            SupportedUICultures = [ui],
        };
        options.RequestCultureProviders.Clear();
        return options;
    }
}
