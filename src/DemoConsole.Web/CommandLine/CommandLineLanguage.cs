using System.Globalization;
using DemoConsole.Core.Messages;
using DemoConsole.Web.Hosting;
using DemoConsole.Web.Resources;

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

    /// <summary>The language the commands print in; English until <see cref="Apply"/> reads the setting.</summary>
    public static CultureInfo Language { get; private set; } = CultureInfo.GetCultureInfo("en");

    public static void Apply(string? setting) =>
        Language = CultureInfo.GetCultureInfo(ConsoleLanguage.IsSupported(setting) ? setting : "en");

    /// <summary>A command-line text in <see cref="Language"/>, its numbers invariant.</summary>
    public static string Text(string key, params object?[] arguments) => UiText.In(Language, CultureInfo.InvariantCulture, key, arguments);

    /// <summary>A message of Core (a scenario problem, a load-plan refusal) in <see cref="Language"/>, its numbers invariant.</summary>
    public static string Text(UiMessage message) => message.Format(Language, CultureInfo.InvariantCulture);

    /// <summary>"1 script" / "6 scripts" (see <see cref="UiText.Count"/>).</summary>
    public static string Count(string key, int count) => Text(count == 1 ? key + "_One" : key, count);
}
