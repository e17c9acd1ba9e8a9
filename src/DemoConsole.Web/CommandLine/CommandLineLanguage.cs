using System.Globalization;
using DemoConsole.Web.Hosting;

namespace DemoConsole.Web.CommandLine;

/// <summary>
/// The language <c>check</c> and <c>burst</c> print in: the <c>DemoConsole__Language</c> environment variable (the
/// same setting as the web console's <c>DemoConsole:Language</c>), English when it is not set, since a command
/// line's output is read in CI logs and next to other tools (hey, wrk) more often than by an audience. Numbers stay
/// invariant either way so that scripts can read them.
/// </summary>
internal static class CommandLineLanguage
{
    public const string Variable = "DemoConsole__Language";

    public static void Apply(string? setting)
    {
        var language = ConsoleLanguage.IsSupported(setting) ? setting : "en";
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
    }
}
