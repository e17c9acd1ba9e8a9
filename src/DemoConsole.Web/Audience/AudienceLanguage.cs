using System.Globalization;
using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Configuration;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Audience;

/// <summary>The light audience view's culture: the same choice as a <c>/watch</c> request's (<see cref="ScreenLanguageProvider"/>).</summary>
public sealed class AudienceLanguage(IOptions<DemoConsoleOptions> options, IScenarioSource scenario)
{
    /// <summary>The format culture and the UI culture, as request localization sets them.</summary>
    public CultureInfo[] Current()
    {
        var language = ScreenLanguageProvider.Audience(options.Value.Language, scenario);
        return [ConsoleLanguage.FormatCulture(language), CultureInfo.GetCultureInfo(language)];
    }
}
