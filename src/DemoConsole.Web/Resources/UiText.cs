using System.Globalization;
using System.Resources;

namespace DemoConsole.Web.Resources;

/// <summary>
/// The console's UI text: <c>UiText.resx</c> holds the default language (Korean, the demo's audience),
/// <c>UiText.en.resx</c> English. Components take <c>IStringLocalizer&lt;UiText&gt;</c>; the request's UI culture
/// (Hosting/ScreenLanguageProvider) chooses the language.
/// </summary>
public sealed class UiText
{
    private static readonly ResourceManager Resources = new(typeof(UiText).FullName!, typeof(UiText).Assembly);

    /// <summary>
    /// The text of <paramref name="key"/> in the current UI culture, for static formatting helpers that have no
    /// localizer to hand (MetricText, tiles). A missing key shows as the key itself, as the localizer does.
    /// </summary>
    public static string Get(string key, params object?[] arguments) => In(CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture, key, arguments);

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, numbers in <paramref name="formats"/>.</summary>
    public static string In(CultureInfo language, IFormatProvider formats, string key, params object?[] arguments)
    {
        var text = Resources.GetString(key, language) ?? key;
        return arguments.Length == 0 ? text : string.Format(formats, text, arguments);
    }

    /// <summary>"1 script" / "6 scripts": <c>KEY_One</c> for one, <c>KEY</c> otherwise (Korean has the same text in both).</summary>
    public static string Count(string key, int count) => Get(count == 1 ? key + "_One" : key, count);
}
